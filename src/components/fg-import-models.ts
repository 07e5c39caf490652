import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { describeModelCost, listOtherModels, type ModelCostFigures } from '../import/other-models';
import { getModel, type ModelId } from '../models/registry';

/** The user changed which other models the import builds packs for. */
export class OtherModelsChangeEvent extends Event {
  constructor(readonly modelIds: ModelId[]) {
    super('other-models-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-import-models': FgImportModels;
  }
  interface HTMLElementEventMap {
    'other-models-change': OtherModelsChangeEvent;
  }
}

/**
 * The import's choice of other models: one checkbox per offered model but the active one, each
 * with what it adds (its download when not on this device, its time per face when measured here).
 * The faces are found once; each chosen model embeds them too and gets its own pack.
 *
 * @fires other-models-change - OtherModelsChangeEvent: the chosen model ids, in picker order.
 */
@customElement('fg-import-models')
export class FgImportModels extends LitElement {
  static override styles = css`
    :host { display: block; }
    fieldset { margin: 0.5rem 0; }
    label { display: block; margin: 0.2rem 0; }
    .cost { opacity: 0.8; font-size: 0.9em; }
    .note { margin: 0.25rem 0; }
  `;

  /** The active model: its pack is always built. */
  @property() activeId: ModelId = 'faceres';
  /** The other models chosen. */
  @property({ attribute: false }) chosen: readonly ModelId[] = [];
  /** What each model costs here, by model id (bytes of its files, ms per face when measured). */
  @property({ attribute: false }) costs: Readonly<Record<string, ModelCostFigures>> = {};
  /** Models whose files are already on this device. */
  @property({ attribute: false }) onDevice: ReadonlySet<string> = new Set();
  /** An import being continued keeps the models it started with. */
  @property({ type: Boolean }) locked = false;

  override render() {
    const active = getModel(this.activeId);
    return html`<fieldset>
      <legend>Also build packs for</legend>
      <p class="note">Faces are found once; each model you tick embeds them too, and gets its own pack (named “… (dlib)”, for example), so Compare models can put them side by side. ${active.label}'s pack is always built.</p>
      ${listOtherModels(this.activeId).map((model) => html`<label>
        <input type="checkbox" name="other-model" .value=${model.id} .checked=${this.chosen.includes(model.id)} ?disabled=${this.locked}
          @change=${this._onToggle}>
        ${model.label} <span class="cost">(${describeModelCost(this.costs[model.id], this.onDevice.has(model.id))})</span>
      </label>`)}
      ${this.locked ? html`<p class="note">Continuing an import keeps the models it started with.</p>` : nothing}
    </fieldset>`;
  }

  private _onToggle(): void {
    const boxes = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[name=other-model]')];
    this.dispatchEvent(new OtherModelsChangeEvent(boxes.filter((box) => box.checked).map((box) => box.value as ModelId)));
  }
}
