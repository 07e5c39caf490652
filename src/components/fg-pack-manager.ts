import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pluralise } from '../views/format';
import type { BundledPackEntry } from '../import/bundled';
import type { PackMetadata } from '../store/types';
import { appPath } from '../shared/app-base';
import { hasShallowChange } from '../shared/shallow-equal';

/** Where a pack comes from. */
export type PackOrigin = 'bundled' | 'imported';

/** The user chose a pack for the views. */
export class PackActivateEvent extends Event {
  constructor(readonly packId: string, readonly origin: PackOrigin) {
    super('pack-activate', { bubbles: true, composed: true });
  }
}

/** The user asked to download an imported pack (bundled ones download through a plain link). */
export class PackExportEvent extends Event {
  constructor(readonly packId: string) {
    super('pack-export', { bubbles: true, composed: true });
  }
}

/** The user confirmed deleting an imported pack. */
export class PackDeleteEvent extends Event {
  constructor(readonly packId: string) {
    super('pack-delete', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-pack-manager': FgPackManager;
  }
  interface HTMLElementEventMap {
    'pack-activate': PackActivateEvent;
    'pack-export': PackExportEvent;
    'pack-delete': PackDeleteEvent;
  }
}

/**
 * Lists the bundled reference packs and the ones imported on this device; one can be made
 * active, exported, or (imported ones) deleted after a confirmation.
 *
 * @fires pack-activate - PackActivateEvent: the user chose a pack.
 * @fires pack-export - PackExportEvent: the user asked for an imported pack's file.
 * @fires pack-delete - PackDeleteEvent: the user confirmed deleting an imported pack.
 * @csspart list - each list of packs.
 */
@customElement('fg-pack-manager')
export class FgPackManager extends LitElement {
  static override styles = css`
    :host { display: block; }
    ul { list-style: none; padding: 0; margin: 0 0 1rem; }
    li { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; padding: 0.5rem 0; border-bottom: 1px solid color-mix(in srgb, currentColor 20%, transparent); }
    .name { font-weight: 600; flex: 1 1 12rem; }
    .meta { opacity: 0.8; font-size: 0.9em; flex: 1 1 12rem; }
    [aria-pressed='true'] { font-weight: 700; }
    button, a { font: inherit; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  /** Packs shipped with FaceGap (packs/index.json). */
  @property({ attribute: false, hasChanged: hasShallowChange }) bundled: BundledPackEntry[] = [];
  /** Packs imported on this device (the store's pack list). */
  @property({ attribute: false }) imported: PackMetadata[] = [];
  /** Id of the pack the views use, or null. */
  @property({ attribute: false }) activeId: string | null = null;
  /**
   * Paths of bundled pack files kept on this device for offline use; null where nothing is kept
   * between visits. A pack not kept says its download size on its button, before it is chosen.
   */
  @property({ attribute: false }) keptFiles: ReadonlySet<string> | null = null;
  /** URL prefix of bundled pack files. */
  @property({ attribute: 'bundled-base' }) bundledBase = appPath('packs/');

  /** Id of the imported pack whose deletion awaits confirmation. */
  @state() private confirmingDeleteId: string | null = null;

  override render() {
    return html`
      <h2 id="bundled-heading">Reference packs shipped with FaceGap</h2>
      ${this.bundled.length === 0
        ? html`<p>No bundled packs are listed.</p>`
        : html`<ul part="list" aria-labelledby="bundled-heading">${this.bundled.map((entry) => this.renderBundled(entry))}</ul>`}
      <h2 id="imported-heading">Imported on this device</h2>
      ${this.imported.length === 0
        ? html`<p>None yet. Import a labelled folder to make one; only embeddings and labels are kept, never the photos.</p>`
        : html`<ul part="list" aria-labelledby="imported-heading">${this.imported.map((meta) => this.renderImported(meta))}</ul>`}
    `;
  }

  private renderBundled(entry: BundledPackEntry) {
    const isActive = entry.id === this.activeId;
    const isKept = this.keptFiles?.has(new URL(this.bundledBase + entry.file, location.href).pathname) ?? false;
    const where = this.keptFiles === null ? '' : isKept ? ', kept on this device' : ', downloaded when you choose it';
    const label = isActive ? 'In use' : this.keptFiles !== null && !isKept ? `Download ${formatBytes(entry.bytes)} and use` : 'Use';
    return html`<li data-kept=${String(isKept)}>
      <span class="name">${entry.name}</span>
      <span class="meta">${pluralise(entry.samples, 'face', 'faces')}${entry.failures ? `, ${pluralise(entry.failures, 'photo', 'photos')} without a face` : ''}, ${formatBytes(entry.bytes)}${where}</span>
      <button type="button" aria-pressed=${String(isActive)} @click=${() => this._onActivate(entry.id, 'bundled')}>${label}<span class="visually-hidden"> ${entry.name}</span></button>
      <a href=${this.bundledBase + entry.file} download=${entry.file}>Download<span class="visually-hidden"> ${entry.name}</span></a>
    </li>`;
  }

  private renderImported(meta: PackMetadata) {
    const isActive = meta.id === this.activeId;
    const isConfirming = meta.id === this.confirmingDeleteId;
    return html`<li>
      <span class="name">${meta.name}</span>
      <span class="meta">${pluralise(meta.sampleCount, 'face', 'faces')}, imported ${new Date(meta.importedAt).toLocaleDateString()}</span>
      <button type="button" aria-pressed=${String(isActive)} @click=${() => this._onActivate(meta.id, 'imported')}>${isActive ? 'In use' : 'Use'}<span class="visually-hidden"> ${meta.name}</span></button>
      <button type="button" @click=${() => this._onExport(meta.id)}>Export<span class="visually-hidden"> ${meta.name}</span></button>
      ${isConfirming
        ? html`<span role="group" aria-label="Delete ${meta.name}?">
            <button type="button" @click=${() => this._onConfirmDelete(meta.id)}>Delete for good</button>
            <button type="button" @click=${this._onCancelDelete}>Keep it</button>
          </span>`
        : html`<button type="button" @click=${() => this._onAskDelete(meta.id)}>Delete<span class="visually-hidden"> ${meta.name}</span></button>`}
    </li>`;
  }

  private _onActivate(id: string, origin: PackOrigin): void {
    this.dispatchEvent(new PackActivateEvent(id, origin));
  }

  private _onExport(id: string): void {
    this.dispatchEvent(new PackExportEvent(id));
  }

  private _onAskDelete(id: string): void {
    this.confirmingDeleteId = id;
  }

  private _onCancelDelete(): void {
    this.confirmingDeleteId = null;
  }

  private _onConfirmDelete(id: string): void {
    this.confirmingDeleteId = null;
    this.dispatchEvent(new PackDeleteEvent(id));
  }
}

/** A pack's size as the pack list shows it (KB, MB of 1024). */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

