import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
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
import { RoomClearEvent, RoomCollectToggleEvent, RoomKeepChangeEvent } from './room/room-events';
import './room/fg-room-share';
import './room/fg-room-scanner';
import './room/fg-room-stats';

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
    /* A projector shows one page at a time, the collected room first (with its caveat), and the
       button says where the other page is: with codes collected, both never fit one screen. */
    :host([presenter]) .pager { display: inline-block; order: -1; }
    :host([presenter]:not([laptop])) .laptop { display: none; }
    :host([presenter][laptop]) .collect { display: none; }
  `];

  /** Attendees enrolled on this laptop, with optional self-described labels. */
  @property({ attribute: false }) people: Template[] = [];
  /** Shared decision threshold, 0..1. */
  @property({ type: Number }) threshold = DEFAULT_THRESHOLD_SIMILARITY;
  /** Labels to group by (self-described race, gender, age band). */
  @property({ attribute: false }) groupBy: string[] = ['gender'];
  /** Large type and high contrast for a room. */
  @property({ type: Boolean, reflect: true }) presenter = false;
  /** On a short projector screen, the page of this laptop's people instead of the collected room. */
  @property({ type: Boolean, reflect: true }) laptop = false;

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

  private _gap: GapIndex | null = null;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('people') || changed.has('groupBy')) {
      // A room has a few hundred pairs at most: scoring on each change is cheaper than caching.
      this._gap = this.people.length > 0
        ? buildGapIndex(scoreRoom(this.people), { groupBy: this.groupBy, impostorGrouping: 'within', excludeUnverified: false })
        : null;
    }
  }

  override render() {
    const shortfall = describeRoomShortfall(this.people);
    const gap = this._gap;
    const captures = this.people.reduce((n, p) => n + p.embeddings.length, 0);
    return html`
      ${this.presenter ? html`<button class="pager" type="button" aria-pressed=${this.laptop ? 'true' : 'false'} @click=${() => (this.laptop = !this.laptop)}>
        ${this.laptop ? '\u2190 Back to the collected room' : 'Next: the people on this laptop \u2192'}</button>` : nothing}
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
        <fg-room-stats .stats=${this.roomStats}></fg-room-stats>
      </section>`;
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
