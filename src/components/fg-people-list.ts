import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Template } from '../matching/templates';
import { MAX_NAME_LENGTH, normalizeName, readTemplateModelId } from '../matching/templates';
import { DEFAULT_MODEL_ID, MODELS } from '../models/registry';

/** The user renamed a person. */
export class PersonRenameEvent extends Event {
  static readonly eventName = 'person-rename';
  constructor(readonly personId: string, readonly name: string) {
    super(PersonRenameEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user deleted a person. */
export class PersonDeleteEvent extends Event {
  static readonly eventName = 'person-delete';
  constructor(readonly personId: string) {
    super(PersonDeleteEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user confirmed "Forget everything". */
export class ForgetEverythingEvent extends Event {
  static readonly eventName = 'forget-everything';
  constructor() {
    super(ForgetEverythingEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * The people enrolled on this device: rename, delete, and "Forget everything" behind a
 * confirmation step. Each person shows the model they were enrolled with; a person enrolled with
 * another model than the active one is said plainly not to be matched until enrolled again with it
 * (embeddings of two models are never compared).
 *
 * @fires person-rename - a new name was saved
 * @fires person-delete - Delete pressed
 * @fires forget-everything - the forget step was confirmed
 */
@customElement('fg-people-list')
export class FgPeopleList extends LitElement {
  static override styles = css`
    :host { display: block; }
    h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
    ul { list-style: none; margin: 0 0 1rem; padding: 0; display: grid; gap: 0.5rem; }
    li { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; padding: 0.5rem; border: 1px solid var(--fg-border); border-radius: 0.5rem; }
    .name { font-weight: 600; flex: 1; min-width: 8rem; }
    .meta { color: var(--fg-muted); font-size: 0.85rem; flex-basis: 100%; }
    .other-model { flex-basis: 100%; margin: 0; font-size: 0.9rem; color: var(--fg-warn, #a15c00); }
    input, button { font: inherit; padding: 0.3rem 0.6rem; }
    .confirm { border: 2px solid var(--fg-oi-vermillion); border-radius: 0.5rem; padding: 0.75rem; }
    .empty { color: var(--fg-muted); }
  `;

  /** Everyone enrolled, by name. */
  @property({ attribute: false }) people: Template[] = [];
  /** The model the live loop runs: people enrolled with another one are not matched. */
  @property() modelId: string = DEFAULT_MODEL_ID;

  /** Id of the person being renamed, if any. */
  @state() private _editingId: string | null = null;
  @state() private _problem = '';
  @state() private _isConfirmingForget = false;

  override updated(changed: PropertyValues<this>) {
    if (changed.has('_isConfirmingForget' as keyof FgPeopleList) && this._isConfirmingForget) {
      this.renderRoot.querySelector<HTMLButtonElement>('.confirm button')?.focus();
    }
  }

  override render() {
    return html`
      <h2>Enrolled on this device</h2>
      ${this.people.length === 0
        ? html`<p class="empty">Nobody yet. Enrol yourself above; only embeddings are kept.</p>`
        : html`<ul>${this.people.map((person) => this._renderPerson(person))}</ul>`}
      ${this._isConfirmingForget ? this._renderConfirm() : html`<button type="button" @click=${this._onAskForget}>Forget everything…</button>`}
    `;
  }

  private _renderPerson(person: Template) {
    if (this._editingId === person.id) {
      return html`<li>
        <form @submit=${(e: SubmitEvent) => this._onSaveName(e, person.id)} novalidate>
          <label>New name for ${person.name} <input name="name" .value=${person.name} maxlength=${MAX_NAME_LENGTH} /></label>
          <button type="submit">Save</button>
          <button type="button" @click=${this._onCancelEdit}>Cancel</button>
          ${this._problem ? html`<p role="alert">${this._problem}</p>` : nothing}
        </form>
      </li>`;
    }
    const labels = Object.values(person.labels).join(', ');
    const personModel = readTemplateModelId(person);
    const isOtherModel = personModel !== this.modelId;
    return html`<li data-person=${person.id} data-model=${personModel} ?data-other-model=${isOtherModel}>
      <span class="name">${person.name}</span>
      <button type="button" aria-label="Rename ${person.name}" @click=${() => this._onEdit(person.id)}>Rename</button>
      <button type="button" aria-label="Delete ${person.name}" @click=${() => this._onDelete(person.id)}>Delete</button>
      <span class="meta">${person.embeddings.length} captures · enrolled with ${labelModel(personModel)}${labels ? ` · ${labels}` : ''}${person.thumbnailId ? ' · thumbnail kept' : ''}</span>
      ${isOtherModel ? html`<p class="other-model">Not matched while ${labelModel(this.modelId)} runs: ${person.name} has no enrolment
        for it, and faces from two models cannot be compared. Enrol ${person.name} again with ${labelModel(this.modelId)}, or switch
        back to ${labelModel(personModel)} under “Recognition model”.</p>` : nothing}
    </li>`;
  }

  private _renderConfirm() {
    return html`<div class="confirm" role="group" aria-label="Confirm forgetting everything">
      <p>This deletes everyone enrolled, every reference pack and your settings from this device. It cannot be undone.</p>
      <button type="button" @click=${this._onConfirmForget}>Yes, forget everything</button>
      <button type="button" @click=${this._onCancelForget}>Keep my data</button>
    </div>`;
  }

  private _onEdit(id: string) {
    this._editingId = id;
    this._problem = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('li input')?.focus());
  }

  private _onCancelEdit() {
    this._editingId = null;
  }

  private _onSaveName(event: SubmitEvent, id: string) {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
    const name = normalizeName(input.value);
    if (!name.ok) {
      this._problem = name.problem;
      return;
    }
    this._editingId = null;
    this.dispatchEvent(new PersonRenameEvent(id, name.name));
  }

  private _onDelete(id: string) {
    this.dispatchEvent(new PersonDeleteEvent(id));
  }

  private _onAskForget() {
    this._isConfirmingForget = true;
  }

  private _onCancelForget() {
    this._isConfirmingForget = false;
  }

  private _onConfirmForget() {
    this._isConfirmingForget = false;
    this.dispatchEvent(new ForgetEverythingEvent());
  }
}

/** A model's name as the picker shows it; an id this FaceGap no longer offers is named as it is. */
function labelModel(modelId: string): string {
  return MODELS.find((model) => model.id === modelId)?.label ?? `${modelId} (a model this FaceGap does not offer)`;
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-people-list': FgPeopleList;
  }
  interface HTMLElementEventMap {
    'person-rename': PersonRenameEvent;
    'person-delete': PersonDeleteEvent;
    'forget-everything': ForgetEverythingEvent;
  }
}
