import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { EnrolRequest } from '../shared/live-types';
import { MAX_NAME_LENGTH, normalizeName } from '../matching/templates';

/** The user asked to be enrolled. */
export class EnrolStartEvent extends Event {
  static readonly eventName = 'enrol-start';
  constructor(readonly request: EnrolRequest) {
    super(EnrolStartEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user cancelled an enrolment in progress. */
export class EnrolCancelEvent extends Event {
  static readonly eventName = 'enrol-cancel';
  constructor() {
    super(EnrolCancelEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Progress of an enrolment, as fg-app reports it. */
export interface EnrolProgress {
  taken: number;
  needed: number;
  /** Why the latest frame was skipped, or null. */
  hint: string | null;
}

/** Self-described label choices: the values reference packs use (UTKFace's race list, 18-70 bands). */
export const LABEL_CHOICES: readonly { field: string; legend: string; options: readonly { value: string; text: string }[] }[] = [
  { field: 'race', legend: 'Race', options: ['White', 'Black', 'Asian', 'Indian', 'Others'].map((v) => ({ value: v, text: v })) },
  { field: 'gender', legend: 'Gender', options: [{ value: 'female', text: 'Female' }, { value: 'male', text: 'Male' }] },
  { field: 'age_band', legend: 'Age', options: ['18-29', '30-44', '45-70'].map((v) => ({ value: v, text: v })) },
];

/**
 * "Enrol me": a name, optional self-described labels (skippable, the same fields as the
 * reference packs) and an opt-in thumbnail, then a progress bar while fg-app collects good
 * captures. Only embeddings are kept unless the thumbnail box is ticked.
 *
 * @fires enrol-start - the form was submitted with a usable name
 * @fires enrol-cancel - Cancel pressed during capture
 */
@customElement('fg-enrol-panel')
export class FgEnrolPanel extends LitElement {
  static override styles = css`
    :host { display: block; }
    h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
    form { display: grid; gap: 0.75rem; }
    label { display: grid; gap: 0.25rem; }
    input[type='text'], select, button { font: inherit; padding: 0.35rem 0.6rem; }
    button { white-space: nowrap; }
    fieldset { border: 1px solid var(--fg-border); border-radius: 0.5rem; display: flex; flex-wrap: wrap; gap: 0.75rem; }
    .check { display: flex; gap: 0.5rem; align-items: center; }
    .note, .hint { color: var(--fg-muted); font-size: 0.9rem; margin: 0; }
    .problem { margin: 0; border-left: 0.3rem solid var(--fg-oi-vermillion); padding-left: 0.5rem; }
    progress { width: 100%; height: 1rem; }
    .actions { display: flex; gap: 0.75rem; align-items: center; }
  `;

  /** Whether enrolment can start (camera on, models ready). */
  @property({ type: Boolean }) canEnrol = false;
  /** Why enrolment cannot start, shown when `canEnrol` is false. */
  @property() unavailableReason = 'Start the camera to enrol.';
  /** Captures taken so far, while an enrolment runs; null otherwise. */
  @property({ attribute: false }) progress: EnrolProgress | null = null;
  /** The outcome of the last enrolment, or why it failed. */
  @property() message = '';

  @state() private _problem = '';

  @query('form') private _form!: HTMLFormElement;

  override render() {
    return html`
      <h2>Enrol me</h2>
      ${this.progress ? this._renderProgress(this.progress) : this._renderForm()}
      ${this.message ? html`<p role="status">${this.message}</p>` : nothing}
    `;
  }

  private _renderForm() {
    return html`<form @submit=${this._onSubmit} novalidate>
      <label>Name (any nickname)
        <input type="text" name="name" maxlength=${MAX_NAME_LENGTH} autocomplete="off"
          aria-invalid=${this._problem ? 'true' : 'false'} aria-describedby=${ifDefined(this._problem ? 'name-problem' : undefined)} />
      </label>
      ${this._problem ? html`<p class="problem" id="name-problem">${this._problem}</p>` : nothing}
      <fieldset>
        <legend>Describe yourself (optional: skip any)</legend>
        ${LABEL_CHOICES.map((choice) => html`<label>${choice.legend}
          <select name=${choice.field}>
            <option value="">Prefer not to say</option>
            ${choice.options.map((option) => html`<option value=${option.value}>${option.text}</option>`)}
          </select>
        </label>`)}
      </fieldset>
      <label class="check"><input type="checkbox" name="thumbnail" /> Also keep a small thumbnail of my face</label>
      <p class="note">FaceGap keeps only numbers describing your face (embeddings), on this device. No picture is kept unless you tick the box.</p>
      <div class="actions">
        <button type="submit" ?disabled=${!this.canEnrol}>Enrol me</button>
        ${this.canEnrol ? nothing : html`<span class="hint">${this.unavailableReason}</span>`}
      </div>
    </form>`;
  }

  private _renderProgress(progress: EnrolProgress) {
    return html`
      <label>Capture ${Math.min(progress.taken + 1, progress.needed)} of ${progress.needed}: look at the camera and turn your head a little between captures
        <progress max=${progress.needed} value=${progress.taken}></progress>
      </label>
      <p class="hint">${progress.hint ? `Waiting for a good frame: ${progress.hint}` : 'Good frames are being taken; each must differ a little from the ones before.'}</p>
      <div class="actions"><button type="button" @click=${this._onCancel}>Cancel</button></div>
    `;
  }

  private _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(this._form);
    const name = normalizeName(String(data.get('name') ?? ''));
    if (!name.ok) {
      this._problem = name.problem;
      return;
    }
    this._problem = '';
    const labels: Record<string, string> = {};
    for (const { field } of LABEL_CHOICES) {
      const value = String(data.get(field) ?? '');
      if (value) labels[field] = value;
    }
    this.dispatchEvent(new EnrolStartEvent({ name: name.name, labels, keepThumbnail: data.get('thumbnail') === 'on' }));
  }

  private _onCancel() {
    this.dispatchEvent(new EnrolCancelEvent());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-enrol-panel': FgEnrolPanel;
  }
  interface HTMLElementEventMap {
    'enrol-start': EnrolStartEvent;
    'enrol-cancel': EnrolCancelEvent;
  }
}
