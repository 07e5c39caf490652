import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatCount, pluralise } from '../views/format';
import type { ColumnMapping } from '../datasets/labels';
import { DEFAULT_IMPORT_LICENSE, describeDefaultAttribution, type ChosenFile, type ImportSession, type ImportSessionState } from '../import/session';
import { formatRemaining } from '../import/time-left';
import type { ModelCostFigures } from '../import/other-models';
import { getModel, type ModelId } from '../models/registry';
import './fg-import-models';

/** An import ended with a stored pack. */
export class ImportFinishedEvent extends Event {
  constructor(readonly packId: string) {
    super('import-finished', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-import-panel': FgImportPanel;
  }
  interface HTMLElementEventMap {
    'import-finished': ImportFinishedEvent;
  }
}

/** Labels the column-mapping step lets the user assign. */
const MAPPED_LABELS = ['gender', 'race'] as const;

/**
 * Imports a labelled folder of photos into a reference pack: choose or drop a folder, check the
 * detected label format in a preview (and map CSV columns when needed), then watch progress,
 * cancel, or resume after a reload. Inference runs in the vision worker, so the page stays usable.
 *
 * @fires import-finished - ImportFinishedEvent: a pack was stored; `packId` names it.
 */
@customElement('fg-import-panel')
export class FgImportPanel extends LitElement {
  static override styles = css`
    :host { display: block; }
    .drop { border: 2px dashed color-mix(in srgb, currentColor 40%, transparent); padding: 1rem; border-radius: 0.5rem; }
    .drop[data-over] { border-style: solid; }
    table { border-collapse: collapse; margin: 0.5rem 0; }
    th, td { text-align: left; padding: 0.2rem 0.6rem; border-bottom: 1px solid color-mix(in srgb, currentColor 20%, transparent); }
    progress { width: 100%; }
    .problems { max-height: 16rem; overflow: auto; }
    label { display: inline-block; margin: 0.25rem 1rem 0.25rem 0; }
  `;

  /** The import service (created by the app with the vision client and the store). */
  @property({ attribute: false }) session: ImportSession | null = null;
  /** What each model costs here, by model id, for the choice of other models. */
  @property({ attribute: false }) modelCosts: Readonly<Record<string, ModelCostFigures>> = {};
  /** Models whose files are already on this device. */
  @property({ attribute: false }) modelsOnDevice: ReadonlySet<string> = new Set();

  @state() private view: ImportSessionState | null = null;
  @state() private isDragOver = false;
  @state() private packName = '';
  @state() private license = '';
  @state() private attribution = '';
  @state() private pad = false;
  @state() private otherModels: ModelId[] = [];
  /** `modelCosts`, with the ms per face this session's imports measured where the app has none. */
  private costs: Record<string, ModelCostFigures> = {};
  /** Separate photos were chosen, not a folder: there is no name to offer, so one is asked for. */
  @state() private isLooseFiles = false;

  private readonly onSessionChange = () => {
    const previous = this.view;
    this.view = this.session?.state ?? null;
    if (this.view?.preview && !previous?.preview) {
      this.pad = this.view.preview.isPadProposed;
      this.packName = this.isLooseFiles ? '' : this.view.source;
      this.license = DEFAULT_IMPORT_LICENSE;
      this.attribution = describeDefaultAttribution(this.view.source);
      this.otherModels = this.view.preview.resumeOtherModels;
    }
    if (this.view?.phase === 'finished' && previous?.phase === 'running' && this.view.packId) {
      this.dispatchEvent(new ImportFinishedEvent(this.view.packId));
    }
  };

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('modelCosts') || changed.has('view')) this.costs = mergeMeasured(this.modelCosts, this.view?.measuredMsPerFace ?? {});
    if (changed.has('session')) {
      (changed.get('session') as ImportSession | null | undefined)?.removeEventListener('change', this.onSessionChange);
      this.session?.addEventListener('change', this.onSessionChange);
      this.view = this.session?.state ?? null;
      void this.session?.refreshUnfinished().catch(() => undefined);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session?.removeEventListener('change', this.onSessionChange);
  }

  override render() {
    const view = this.view;
    if (!view) return html`<p>Import is not available yet.</p>`;
    return html`
      <h2>Import a labelled photo set</h2>
      <p>Photos are read on this device and never leave it. Only face embeddings and labels are kept, not the photos.</p>
      ${view.phase === 'running' ? this.renderProgress(view) : this.renderChooser(view)}
      ${view.phase === 'preview' && view.preview ? this.renderPreview(view) : nothing}
      ${view.message ? html`<p role="status">${view.message}</p>` : nothing}
      ${view.failures.length > 0 && view.phase !== 'running' ? this.renderFailures(view) : nothing}
    `;
  }

  private renderChooser(view: ImportSessionState) {
    return html`
      ${view.unfinished.map((job) => html`<p role="note">
        An import of ${job.source} stopped before the end (${pluralise(job.totalFiles, 'photo', 'photos')}). Choose the same folder again to continue where it stopped, or
        <button type="button" @click=${() => this._onDiscard(job.id)}>discard it</button>.
      </p>`)}
      <div class="drop" ?data-over=${this.isDragOver} @dragover=${this._onDragOver} @dragleave=${this._onDragLeave} @drop=${this._onDrop}>
        <label>Choose a folder <input type="file" webkitdirectory @change=${this._onPick}></label>
        <label>or photos and label files <input type="file" multiple accept="image/*,.csv" @change=${this._onPick}></label>
        <p>or drop a folder here.</p>
      </div>`;
  }

  private renderPreview(view: ImportSessionState) {
    const preview = view.preview!;
    const labelNames = Object.keys(preview.counts);
    return html`
      <section aria-labelledby="preview-heading">
        <h3 id="preview-heading">Check the labels</h3>
        <p>${preview.detection.reason}</p>
        ${preview.csvHeader && preview.mapping ? this.renderMapping(preview.csvHeader, preview.mapping) : nothing}
        <p>${pluralise(preview.itemCount, 'photo', 'photos')} will be imported.${preview.resumeJob ? ' An earlier import of these photos stopped part-way: it continues where it stopped.' : ''}</p>
        <table>
          <caption>First photos and their labels</caption>
          <thead><tr><th scope="col">Photo</th><th scope="col">Person</th>${labelNames.map((name) => html`<th scope="col">${name}</th>`)}</tr></thead>
          <tbody>${preview.rows.map((row) => html`<tr><td>${row.file}</td><td>${row.subject ?? '-'}</td>${labelNames.map((name) => html`<td>${row.labels[name] ?? '-'}</td>`)}</tr>`)}</tbody>
        </table>
        ${labelNames.map((name) => html`<p>${name}: ${Object.entries(preview.counts[name]).map(([value, count]) => `${value} ${count}`).join(', ')}</p>`)}
        ${preview.problems.length > 0 ? html`<details><summary>${preview.problems.length} label problems</summary>
          <ul class="problems">${preview.problems.map((problem) => html`<li>${problem.message}</li>`)}</ul></details>` : nothing}
        <fieldset><legend>About the pack (stored with it, and in any file you export)</legend>
          ${this.isLooseFiles ? html`<p id="name-needed">You chose separate photos, not a folder, so the pack has no name yet: give it one (for example \u201cOur class, May\u201d).</p>` : nothing}
          <label>Pack name <input name="name" .value=${this.packName} placeholder=${this.isLooseFiles ? 'Name this pack' : view.source}
            ?required=${this.isLooseFiles} aria-describedby=${this.isLooseFiles ? 'name-needed' : nothing}
            @input=${(e: Event) => (this.packName = (e.target as HTMLInputElement).value)}></label>
          <label>Licence <input name="license" size="40" .value=${this.license} placeholder=${DEFAULT_IMPORT_LICENSE}
            @input=${(e: Event) => (this.license = (e.target as HTMLInputElement).value)}></label>
          <label>Attribution <input name="attribution" size="40" .value=${this.attribution} placeholder=${describeDefaultAttribution(view.source)}
            @input=${(e: Event) => (this.attribution = (e.target as HTMLInputElement).value)}></label>
        </fieldset>
        <label><input type="checkbox" .checked=${this.pad} @change=${(e: Event) => (this.pad = (e.target as HTMLInputElement).checked)}>
          Pad tight crops (25% mid-grey margin: the detector misses faces that fill the whole photo)</label>
        <fg-import-models .activeId=${view.modelId} .chosen=${preview.resumeJob ? preview.resumeOtherModels : this.otherModels} .costs=${this.costs}
          .onDevice=${this.modelsOnDevice} ?locked=${preview.resumeJob !== null} @other-models-change=${this._onOtherModels}></fg-import-models>
        <p><button type="button" ?disabled=${preview.itemCount === 0 || (this.isLooseFiles && this.packName.trim() === '')} @click=${this._onStart}>${preview.resumeJob ? 'Continue import' : 'Import'}</button></p>
      </section>`;
  }

  private renderMapping(header: string[], mapping: ColumnMapping) {
    const select = (field: string, value: string | undefined, isRequired: boolean) => html`<label>${field}
      <select @change=${(e: Event) => this._onMap(field, (e.target as HTMLSelectElement).value)}>
        ${isRequired ? nothing : html`<option value="" ?selected=${!value}>(none)</option>`}
        ${header.map((column) => html`<option value=${column} ?selected=${column === value}>${column}</option>`)}
      </select></label>`;
    return html`<fieldset><legend>Which column holds what</legend>
      ${select('photo', mapping.file, true)} ${select('person', mapping.subject, false)} ${select('age', mapping.age, false)}
      ${MAPPED_LABELS.map((label) => select(label, mapping.labels[label], false))}
    </fieldset>`;
  }

  private renderProgress(view: ImportSessionState) {
    const progress = view.progress!;
    return html`
      <label>Importing ${view.source}${view.otherModels.length > 0 ? ` with ${[view.modelId, ...view.otherModels].map((id) => getModel(id).label).join(', ')}` : ''}
        <progress max=${progress.total} .value=${progress.done}></progress></label>
      <p role="status" aria-live="polite">${formatCount(progress.done)} of ${pluralise(progress.total, 'photo', 'photos')}${progress.failed ? `, ${progress.failed} without a usable face` : ''}${progress.remainingMs !== null ? `, ${formatRemaining(progress.remainingMs)}` : ''}</p>
      <button type="button" @click=${this._onCancel}>Cancel</button>`;
  }

  private renderFailures(view: ImportSessionState) {
    return html`<details><summary>${pluralise(view.failures.length, 'photo', 'photos')} without a usable face</summary>
      <ul class="problems">${view.failures.map((failure) => html`<li>${failure.message}</li>`)}</ul></details>`;
  }

  private async _onPick(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    const chosen = files.map((file) => ({ path: file.webkitRelativePath || file.name, file }));
    const folder = files[0].webkitRelativePath.split('/')[0];
    this.isLooseFiles = !folder;
    await this.session?.choose(folder || `${files.length} files`, stripTopFolder(chosen));
    input.value = '';
  }

  private _onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.isDragOver = true;
  }

  private _onDragLeave(): void {
    this.isDragOver = false;
  }

  private async _onDrop(event: DragEvent): Promise<void> {
    event.preventDefault();
    this.isDragOver = false;
    const entries = [...(event.dataTransfer?.items ?? [])].map((item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
    const chosen: ChosenFile[] = [];
    for (const entry of entries) await collectEntry(entry, chosen);
    if (chosen.length === 0) return;
    const isFolder = entries.length === 1 && entries[0].isDirectory;
    this.isLooseFiles = !isFolder;
    const source = isFolder ? entries[0].name : `${chosen.length} files`;
    await this.session?.choose(source, stripTopFolder(chosen));
  }

  private async _onMap(field: string, column: string): Promise<void> {
    const mapping = this.view?.preview?.mapping;
    if (!mapping || !this.session) return;
    const next: ColumnMapping = { ...mapping, labels: { ...mapping.labels } };
    const value = column === '' ? undefined : column;
    if (field === 'photo') next.file = column;
    else if (field === 'person') next.subject = value;
    else if (field === 'age') next.age = value;
    else if (value) next.labels[field] = value;
    else delete next.labels[field];
    await this.session.setMapping(next);
  }

  private _onStart(): void {
    // Blank fields take the session's defaults (the placeholders show them).
    void this.session?.start({ name: this.packName, license: this.license, attribution: this.attribution, pad: this.pad, otherModels: this.otherModels });
  }

  private _onOtherModels(event: HTMLElementEventMap['other-models-change']): void {
    this.otherModels = event.modelIds;
  }

  private _onCancel(): void {
    this.session?.cancel();
  }

  private _onDiscard(jobId: string): void {
    void this.session?.discard(jobId);
  }
}

/** The app's model costs, with the ms per face measured by this session's imports where the app has none. */
function mergeMeasured(costs: Readonly<Record<string, ModelCostFigures>>, measured: Partial<Record<ModelId, number>>): Record<string, ModelCostFigures> {
  const merged: Record<string, ModelCostFigures> = { ...costs };
  for (const [id, msPerFace] of Object.entries(measured)) merged[id] = { ...costs[id], msPerFace: costs[id]?.msPerFace ?? msPerFace };
  return merged;
}

/** Paths relative to the chosen folder: "utkface/images/a.jpg" -> "images/a.jpg" when all share "utkface/". */
function stripTopFolder(files: ChosenFile[]): ChosenFile[] {
  const tops = new Set(files.map((chosen) => (chosen.path.includes('/') ? chosen.path.split('/')[0] : '')));
  if (tops.size !== 1 || tops.has('')) return files;
  return files.map((chosen) => ({ ...chosen, path: chosen.path.slice(chosen.path.indexOf('/') + 1) }));
}

async function collectEntry(entry: FileSystemEntry, out: ChosenFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most 100 entries per call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await collectEntry(child, out);
  }
}
