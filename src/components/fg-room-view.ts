import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';
import type { Template } from '../matching/templates';
import { buildGapIndex, type GapIndex } from '../views/gap-model';
import { pluralise } from '../views/format';
import { listGapPresets } from '../views/presets';
import { describeRoomShortfall, scoreRoom } from '../views/room-model';
import { viewStyles } from './view-styles';
import './fg-gap-panels';
import './fg-group-picker';
import './fg-threshold-slider';
import type { ReferencePack } from '../datasets/pack-types';
import type { RoomStatistics } from '../classroom/room-stats';
import { describeNextRoomPage, listRoomPages, type RoomPage } from '../classroom/room-pages';
import { RoomClearEvent, RoomCollectToggleEvent, RoomKeepChangeEvent } from './room/room-events';
import './room/fg-room-share';
import './room/fg-room-scanner';
import './room/fg-room-stats';
import { PresenterColumnsController } from './presenter-columns-controller';

/**
 * "Room": the same rates and charts as the gap view, for the people enrolled on this laptop.
 * Same-person pairs are two captures of one person; different-person pairs, captures of two people.
 * Says plainly when there are too few people for a number to mean anything. The lowest and highest
 * same-person and different-person scores are mirrored in the panels' `data-genuine-range` and
 * `data-impostor-range`.
 *
 * Below, the whole room with no server: "Show the presenter" (this laptop's scores as a QR code) and
 * "Collect from the room" (the presenter's camera reads those codes; the app holds them in memory,
 * and on this device only when the presenter ticks "Keep the room on this device").
 *
 * In presenter view the tab pages (src/classroom/room-pages.ts): collecting, then each table of the
 * collected room (split when its groups do not fit a screen: six a column, two columns a page on
 * a wide screen), then this laptop's people. The page
 * shown is mirrored in `data-page` (the app hides its join bar on the tables' pages).
 *
 * @fires threshold-change - from the slider (ThresholdChangeEvent)
 * @fires room-code - the scanner read a code (RoomCodeEvent)
 * @fires room-collect-toggle - collecting started or stopped (RoomCollectToggleEvent)
 * @fires room-clear - the presenter cleared the room (RoomClearEvent)
 * @fires room-keep-change - the presenter chose to keep the room on this device, or not (RoomKeepChangeEvent)
 * @fires group-by-change - from the picker (GroupByChangeEvent)
 */
@customElement('fg-room-view')
export class FgRoomView extends LitElement {
  static override styles = [viewStyles, css`
    /* The presenter works these in front of the room: buttons and the keep choice in the view's type. */
    .room-actions { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: center; }
    .room-actions button { font: inherit; padding: 0.2em 0.8em; }
    .room-actions input { width: 1em; height: 1em; vertical-align: -0.1em; }
    .room-message { margin: 0; font-weight: 600; }
    /* On the projector this laptop collects: the attendee's own code stays on their laptops. */
    :host([presenter]) .share { display: none; }
    .pager { display: none; font: inherit; font-size: 0.7em; padding: 0.1em 0.6em; border-radius: 999px; cursor: pointer; justify-self: start;
      border: 1px solid var(--fg-border); background: var(--fg-surface); color: var(--fg-text); }
    /* A projector shows one page at a time and the button says where the next one leads: with codes
       collected the tab never fits one screen. */
    :host([presenter]) .pager { display: inline-block; order: -1; }
    :host([presenter]:not([data-page='laptop'])) .laptop { display: none; }
    :host([presenter][data-page='laptop']) .collect { display: none; }
    /* The tables' pages: the collected numbers alone, without the collecting controls. */
    :host([presenter]:is([data-page='missed'], [data-page='strangers'])) .collect > :not(fg-room-stats) { display: none; }
    :host([presenter]) .collect { --fg-scanner-max-height: 25vh; }
  `];

  /** Attendees enrolled on this laptop, with optional self-described labels. */
  @property({ attribute: false }) people: Template[] = [];
  /** Shared decision threshold, 0..1. */
  @property({ type: Number }) threshold = DEFAULT_THRESHOLD_SIMILARITY;
  /** Labels to group by (self-described race, gender, age band). */
  @property({ attribute: false }) groupBy: string[] = ['gender'];
  /** Large type and high contrast for a room. */
  @property({ type: Boolean, reflect: true }) presenter = false;
  /** Active reference pack, for this laptop's room code. */
  @property({ attribute: false }) pack: ReferencePack | null = null;
  /** sha256 of the model the app runs. */
  @property({ attribute: 'model-sha256' }) modelSha256 = '';
  /** Camera stream for collecting codes. */
  @property({ attribute: false }) stream: MediaStream | null = null;
  /** Reading codes from the camera. */
  @property({ type: Boolean }) collecting = false;
  /** The collected room's numbers. */
  @property({ attribute: false }) roomStats: RoomStatistics | null = null;
  /** The collected codes are kept on this device (they survive a reload until the room is cleared). */
  @property({ type: Boolean, attribute: 'keep-room' }) keepRoom = false;
  /** What happened to the last code read. */
  @property({ attribute: false }) roomMessage: { tone: 'notice' | 'error'; text: string } | null = null;

  /** The presenter's page, by its index in the pages of the room as it is now. */
  @state() private _pageIndex = 0;

  private _gap: GapIndex | null = null;
  private _pages: RoomPage[] = [{ kind: 'collect' }];
  /** The columns the pages were listed for. */
  private _pagesColumns = 1;
  private readonly _columns = new PresenterColumnsController(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('people') || changed.has('groupBy')) {
      // A room has a few hundred pairs at most: scoring on each change is cheaper than caching.
      this._gap = this.people.length > 0
        ? buildGapIndex(scoreRoom(this.people), { groupBy: this.groupBy, impostorGrouping: 'within', excludeUnverified: false })
        : null;
    }
    if (changed.has('roomStats') || changed.has('presenter') || this._columns.columns !== this._pagesColumns) {
      const shown = this._pages[this._pageIndex];
      this._pagesColumns = this._columns.columns;
      this._pages = listRoomPages(this.roomStats, this._pagesColumns);
      // The room grows, or the screen widens, while it is shown: stay on the page of the same kind
      // that holds the first row shown, when it still exists.
      const same = this._pages.findIndex((page) => page.kind === shown?.kind && (!('from' in page) || !('from' in shown) || page.to > shown.from));
      this._pageIndex = same >= 0 ? same : 0;
    }
  }

  override updated(): void {
    if (this.presenter) this.dataset.page = this._pages[this._pageIndex]?.kind ?? 'collect';
    else delete this.dataset.page;
  }

  override render() {
    const shortfall = describeRoomShortfall(this.people);
    const gap = this._gap;
    const captures = this.people.reduce((n, p) => n + p.embeddings.length, 0);
    return html`
      ${this.presenter ? html`<button class="pager" type="button" @click=${this._onNextPage}>${describeNextRoomPage(this._pages, this._pageIndex)}</button>` : nothing}
      <header class="laptop">
        <h2>This room</h2>
        <p class="explain">The people enrolled on this laptop${this.people.length ? ` (${pluralise(this.people.length, 'person', 'people')}, ${pluralise(captures, 'capture', 'captures')})` : ''},
          compared with each other. Groups use the labels people chose to give; nobody has to give any.
          With a handful of people every number here is a demonstration, not a measurement.</p>
      </header>
      <div class="controls laptop">
        <fg-threshold-slider .value=${this.threshold} ?presenter=${this.presenter}
          .presets=${listGapPresets(gap)}></fg-threshold-slider>
        <fg-group-picker .labels=${['race', 'gender', 'age_band']} .value=${this.groupBy}></fg-group-picker>
      </div>
      ${shortfall ? html`<p class="state laptop" role="status">${shortfall}</p>` : nothing}
      ${gap && this.people.length >= 2
        ? html`<fg-gap-panels class="laptop" .gap=${gap} .threshold=${this.threshold} ?presenter=${this.presenter}
            data-genuine-range=${describeRange(gap.index.overall.genuine)} data-impostor-range=${describeRange(gap.index.overall.impostor)}></fg-gap-panels>`
        : nothing}
      <section class="controls share" aria-labelledby="share-title"><h2 id="share-title">Attendee: add yourself to the room</h2>
        <fg-room-share .people=${this.people} .pack=${this.pack} .groupBy=${this.groupBy.filter((label) => this.pack?.labels.includes(label))} .threshold=${this.threshold} model-sha256=${this.modelSha256}></fg-room-share>
      </section>
      <section class="controls collect" aria-labelledby="collect-title"><h2 id="collect-title">Presenter: collect from the room</h2>
        <p class="explain">Every laptop computes its own scores and shows them as a QR code; this camera reads them. No server, no faces: only scores.
          ${this.keepRoom ? 'The codes are kept on this device, so they come back after a reload, until you clear the room.' : 'The codes are held in memory only and forgotten when you clear the room or close the tab.'}</p>
        <div class="room-actions"><button class="collect" aria-pressed=${this.collecting ? 'true' : 'false'} @click=${() => this.dispatchEvent(new RoomCollectToggleEvent(!this.collecting))}>
          ${this.collecting ? 'Stop collecting' : 'Collect from the room'}</button>
          <button class="clear" @click=${() => this.dispatchEvent(new RoomClearEvent())}>Clear the room</button>
          <label class="keep"><input type="checkbox" .checked=${live(this.keepRoom)} @change=${(e: Event) => this.dispatchEvent(new RoomKeepChangeEvent((e.target as HTMLInputElement).checked))}>
            Keep the room on this device</label></div>
        ${this.roomMessage ? html`<p class="room-message" role=${this.roomMessage.tone === 'error' ? 'alert' : 'status'} data-tone=${this.roomMessage.tone}>${this.roomMessage.text}</p>` : nothing}
        ${this.collecting ? html`<fg-room-scanner .stream=${this.stream} active></fg-room-scanner>` : nothing}
        <fg-room-stats .stats=${this.roomStats} .page=${this.presenter ? this._pages[this._pageIndex] ?? null : null}></fg-room-stats>
      </section>`;
  }

  /** The next page, or the first after the last. */
  private _onNextPage(): void {
    this._pageIndex = this._pageIndex >= this._pages.length - 1 ? 0 : this._pageIndex + 1;
  }
}

/** `[lowest, highest]` of ascending scores as JSON, "null" when there are none: a hook for end-to-end tests. */
function describeRange(ascending: Float64Array): string {
  return ascending.length === 0 ? 'null' : JSON.stringify([ascending[0], ascending[ascending.length - 1]]);
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-room-view': FgRoomView;
  }
}
