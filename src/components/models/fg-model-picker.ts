import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MODELS, type ModelId, type RecognitionModel } from '../../models/registry';
import { hasShallowChange } from '../../shared/shallow-equal';

/** Fired when the user picks another recognition model (never when `modelId` is set). */
export class ModelChangeEvent extends Event {
  static readonly eventName = 'model-change' as const;
  constructor(
    /** The chosen model's id (src/models/registry.ts). */
    readonly modelId: ModelId,
  ) {
    super(ModelChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * The recognition model the live loop runs: one native radio button per offered model, with its
 * size and, once measured, its milliseconds per face on this device. It says that scores and
 * thresholds belong to one model, and which enrolled people the chosen model cannot match.
 *
 * @fires model-change - {@link ModelChangeEvent}
 */
@customElement('fg-model-picker')
export class FgModelPicker extends LitElement {
  static override styles = css`
    :host { display: block; }
    fieldset { border: 1px solid var(--fg-border, #c9ced6); border-radius: 0.75em; padding: 0.6em 0.9em; margin: 0; }
    legend { font-weight: 600; padding: 0 0.3em; }
    label { display: grid; grid-template-columns: auto 1fr; gap: 0 0.5em; padding: 0.25em 0; cursor: pointer; }
    label[aria-disabled='true'] { cursor: default; }
    .name { font-weight: 600; }
    .detail, .note { grid-column: 2; color: var(--fg-muted, #555b66); font-size: 0.85em; }
    .note { margin: 0.5em 0 0; }
    [role='status'] { margin: 0.4em 0 0; font-size: 0.9em; }
  `;

  /** The models offered, in order (all that passed the quality gate). */
  @property({ attribute: false }) models: readonly RecognitionModel[] = MODELS;
  /** The active model. */
  @property({ reflect: true }) modelId: ModelId = 'faceres';
  /** Whether the active model's engine is loading, running or failed. */
  @property({ reflect: true }) status: 'loading' | 'ready' | 'failed' = 'loading';
  /** Bytes of each model's own files (models/manifest.json). */
  @property({ attribute: false, hasChanged: hasShallowChange }) sizes: Partial<Record<ModelId, number>> = {};
  /** Milliseconds per face each model took on this device, for the models run in this session. */
  @property({ attribute: false, hasChanged: hasShallowChange }) msPerFace: Partial<Record<ModelId, number>> = {};
  /** The active model's threshold, on its own score. */
  @property({ type: Number }) threshold = 0;
  /** Enrolled people per model id, so the picker can say who the chosen model cannot match. */
  @property({ attribute: false, hasChanged: hasShallowChange }) enrolledByModel: Readonly<Record<string, number>> = {};
  /** Why switching is not possible now (an import or an enrolment is running); empty when it is. */
  @property() lockedReason = '';

  override render() {
    const active = this.models.find((model) => model.id === this.modelId);
    const isLocked = this.lockedReason !== '';
    return html`<fieldset ?disabled=${isLocked}>
      <legend>Recognition model</legend>
      ${this.models.map((model) => html`<label aria-disabled=${isLocked ? 'true' : 'false'}>
        <input type="radio" name="model" .value=${model.id} .checked=${model.id === this.modelId}
          @change=${() => this.dispatchEvent(new ModelChangeEvent(model.id))} />
        <span class="name">${model.label}</span>
        <span class="detail">${this._describeCost(model)}</span>
      </label>`)}
      ${isLocked ? html`<p class="note">${this.lockedReason}</p>` : nothing}
      ${active ? this._renderActive(active) : nothing}
    </fieldset>`;
  }

  private _renderActive(model: RecognitionModel) {
    const others = Object.entries(this.enrolledByModel).filter(([id]) => id !== model.id).reduce((sum, [, count]) => sum + count, 0);
    const loading = this.status === 'loading' ? html`<p role="status">Loading ${model.label} (from this site only)…</p>` : nothing;
    return html`${loading}
      <p class="note">Scores and thresholds belong to one model: ${model.label} compares faces with <code>${model.scoreId}</code>, and its
        threshold (now ${this.threshold.toFixed(3)}) is kept apart from the other models'. Detection is the same for every model.</p>
      ${others > 0 ? html`<p class="note" data-other-enrolled>${others === 1 ? '1 person was' : `${others} people were`} enrolled with another
        model and ${others === 1 ? 'is' : 'are'} not matched by ${model.label}: enrol them again with this model.</p>` : nothing}`;
  }

  private _describeCost(model: RecognitionModel): string {
    const bytes = this.sizes[model.id];
    const ms = this.msPerFace[model.id];
    const size = bytes === undefined ? '' : `${(bytes / 1e6).toFixed(1)} MB`;
    const speed = ms === undefined ? '' : `${Math.round(ms)} ms per face here`;
    return [`${model.dim} numbers per face`, size, speed].filter(Boolean).join(', ');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-model-picker': FgModelPicker;
  }
  interface HTMLElementEventMap {
    'model-change': ModelChangeEvent;
  }
}
