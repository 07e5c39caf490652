/**
 * The panels of fg-app's bias, room, import and privacy tabs, and its presenter layout. fg-app hands
 * them its state and handlers (properties down, events up); nothing here holds state.
 */
import { html, nothing } from 'lit';
import '../components/fg-gap-view';
import '../components/fg-import-panel';
import '../components/fg-pack-manager';
import '../components/fg-privacy-panel';
import '../components/fg-you-vs-groups';
import '../components/compare/fg-compare-view';
import type { ModelCost } from '../components/compare/fg-compare-view';
import type { CompareController } from './compare-controller';
import type { ImportSession } from '../import/session';
import type { OfflineStatus } from '../privacy/offline';
import type { PackController } from './pack-controller';
import type { PrivacyView } from './privacy-controller';
import type { AppState, MatchView } from './state';
import { TABS, type TabId } from './tabs';
import { formatBytes } from '../components/fg-pack-manager';
import { listBundledChoices } from '../import/bundled';
import { listModelsOnDevice } from '../import/other-models';
import { MODEL_BASE_PATH } from '../vision/client';

/** What the panels read and whom they tell. */
export interface TabContext {
  state: AppState;
  match: MatchView;
  packs: PackController;
  privacy: PrivacyView;
  offline: OfflineStatus | null;
  importSession: ImportSession | null;
  /** The Compare models tab's comparison, and what each model costs here. */
  compare: CompareController;
  modelCosts: Readonly<Record<string, ModelCost>>;
  onThreshold: (event: HTMLElementEventMap['threshold-change']) => void;
  onGroupBy: (event: HTMLElementEventMap['group-by-change']) => void;
  onGapOptions: (event: HTMLElementEventMap['gap-options-change']) => void;
  onPackActivate: (event: HTMLElementEventMap['pack-activate']) => void;
  onPackDelete: (event: HTMLElementEventMap['pack-delete']) => void;
  onPackExport: (event: HTMLElementEventMap['pack-export']) => void;
  onImportFinished: (event: HTMLElementEventMap['import-finished']) => void;
  onForget: () => void;
  onExportData: () => void;
  onExportPackFromPrivacy: (event: HTMLElementEventMap['export-pack-request']) => void;
  /** The Room tab, with the classroom's collection (fg-app-classroom.ts). */
  renderRoom: () => unknown;
}

/** The panel of one tab other than Live. */
export function renderTabPanel(tab: TabId, ctx: TabContext) {
  switch (tab) {
    case 'groups':
      return html`${renderPackStatus(ctx)}${renderYouVsGroups(ctx)}`;
    case 'gap':
      // In a room the audience needs the numbers; choosing and importing packs stay on the normal page.
      if (ctx.state.presenter) return html`${renderPackStatus(ctx)}${renderGap(ctx)}`;
      return html`${renderPackChooser(ctx)}${renderGap(ctx)}`;
    case 'import':
      // Its own tab: a finished import becomes the active pack, chosen again on The gap.
      return html`<fg-import-panel .session=${ctx.importSession} .modelCosts=${ctx.modelCosts}
        .modelsOnDevice=${listModelsOnDevice(ctx.packs.keptFiles, MODEL_BASE_PATH)} @import-finished=${ctx.onImportFinished}></fg-import-panel>`;
    case 'models':
      return html`${renderPackStatus(ctx)}${renderCompare(ctx)}`;
    case 'room':
      return ctx.renderRoom();
    case 'privacy':
      return renderPrivacy(ctx);
    default:
      return nothing;
  }
}

function renderPrivacy(ctx: TabContext) {
  const p = ctx.privacy;
  return html`<fg-privacy-panel .summary=${p.summary} .violations=${p.violations} .inventory=${p.inventory} .packs=${p.packs}
    .caches=${p.caches} .serviceWorker=${p.serviceWorker} .offline=${ctx.offline} .wipeReport=${p.wipeReport} .problem=${p.problem}
    ?busy=${p.isBusy} ?reading=${p.isReading} ?presenter=${ctx.state.presenter} @forget-request=${ctx.onForget} @export-data-request=${ctx.onExportData}
    @export-pack-request=${ctx.onExportPackFromPrivacy}></fg-privacy-panel>`;
}

function renderYouVsGroups(ctx: TabContext) {
  const { state, match } = ctx;
  const bestMatch = match.name !== null && match.score !== null ? { name: match.name, score: match.score } : null;
  return html`<fg-you-vs-groups .embedding=${state.latestEmbedding} .pack=${ctx.packs.pack} .threshold=${state.threshold}
    .groupBy=${state.groupBy} .bestMatch=${bestMatch} ?presenter=${state.presenter}
    @threshold-change=${ctx.onThreshold} @group-by-change=${ctx.onGroupBy}></fg-you-vs-groups>`;
}

function renderGap(ctx: TabContext) {
  const { state } = ctx;
  return html`<fg-gap-view .pack=${ctx.packs.pack} .threshold=${state.threshold} .groupBy=${state.groupBy} ?presenter=${state.presenter}
    .impostorGrouping=${state.gapOptions.impostorGrouping} .excludeUnverified=${state.gapOptions.excludeUnverified}
    @threshold-change=${ctx.onThreshold} @group-by-change=${ctx.onGroupBy} @gap-options-change=${ctx.onGapOptions}></fg-gap-view>`;
}

function renderCompare(ctx: TabContext) {
  const compare = ctx.compare;
  const status = compare.state;
  if (status.status === 'unavailable') return html`<fg-message tone="notice" heading="Compare models">${status.message}</fg-message>`;
  return html`<fg-compare-view .report=${status.status === 'ready' ? status.report : null} .costs=${ctx.modelCosts} fmrTarget=${compare.fmrTarget}
    ?presenter=${ctx.state.presenter} @fmr-target-change=${(event: HTMLElementEventMap['fmr-target-change']) => compare.setFmrTarget(event.fmrTarget)}></fg-compare-view>`;
}

function renderPackChooser(ctx: TabContext) {
  const packs = ctx.packs;
  const listed = listBundledChoices(packs.bundled, ctx.state.modelId, packs.state.status === 'idle' ? null : packs.state.id);
  return html`<fg-pack-manager .bundled=${listed.entries} .imported=${packs.imported} .activeId=${listed.activeId} .keptFiles=${packs.keptFiles}
    @pack-activate=${ctx.onPackActivate} @pack-delete=${ctx.onPackDelete} @pack-export=${ctx.onPackExport}></fg-pack-manager>
    ${renderPackStatus(ctx)}`;
}

function renderPackStatus(ctx: TabContext) {
  const status = ctx.packs.state;
  if (status.status === 'loading') return html`<p class="pack-status" role="status">${describePackLoading(status.download, ctx.packs.keptFiles !== null)}</p>`;
  if (status.status === 'failed') return html`<fg-message tone="error" heading="The reference pack could not be opened">${status.message}</fg-message>`;
  return nothing;
}

/**
 * What the pack status says while the active pack opens: its size when it is being downloaded,
 * and whether it is then kept for offline use (`isKeptAfter`: a service worker keeps it).
 */
export function describePackLoading(download: { name: string; bytes: number } | null, isKeptAfter: boolean): string {
  if (download === null) return 'Opening the reference pack…';
  return `Downloading the reference pack \u201c${download.name}\u201d (${formatBytes(download.bytes)}${isKeptAfter ? ', once: this device keeps it for offline use' : ''})…`;
}

/** What the tab list needs from fg-app. */
export interface TabListContext {
  current: TabId;
  onSelect(id: TabId): void;
  onKey(event: KeyboardEvent): void;
  renderPanel(id: TabId): unknown;
}

/**
 * The tab list and its panels (WAI-ARIA tabs). Live stays rendered while hidden, so its camera
 * view keeps its stream; the other panels render only when shown.
 */
export function renderTabs(ctx: TabListContext) {
  return html`
    <div role="tablist" aria-label="FaceGap views" @keydown=${ctx.onKey}>
      ${TABS.map((tab) => html`<button role="tab" id="tab-${tab.id}" aria-controls="panel-${tab.id}" aria-selected=${tab.id === ctx.current ? 'true' : 'false'}
        tabindex=${tab.id === ctx.current ? 0 : -1} @click=${() => ctx.onSelect(tab.id)}>${tab.label}</button>`)}
    </div>
    ${TABS.map((tab) => html`<section role="tabpanel" id="panel-${tab.id}" aria-labelledby="tab-${tab.id}" ?hidden=${tab.id !== ctx.current}>
      ${tab.id === 'live' || tab.id === ctx.current ? ctx.renderPanel(tab.id) : nothing}
    </section>`)}
  `;
}
