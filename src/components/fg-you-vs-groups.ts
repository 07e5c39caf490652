import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';
import type { ReferencePack } from '../datasets/pack-types';
import { formatCount, formatGroupName, formatScore, pluralise } from '../views/format';
import { buildGapIndexInBackground } from '../views/gap-model';
import { describeGrouping, selectVariedLabels } from '../views/grouping';
import { listGapPresets, listThresholdPresets, type ThresholdPreset } from '../views/presets';
import { getModelOrDefault } from '../models/registry';
import { hasShallowChange } from '../shared/shallow-equal';
import { PRESENTER_COLUMN_STRIP_UNITS, splitIntoColumns, splitIntoPages, type PageRange } from '../views/paging';
import { scorePackPairs } from '../views/sample-set';
import { countYouMatches, scoreYouAgainstPack, type YouGroupRow, type YouGroupScores } from '../views/you-model';
import type { RateColumn } from './fg-rate-table';
import { PresenterColumnsController } from './presenter-columns-controller';
import { viewStyles } from './view-styles';
import './fg-group-picker';
import './fg-rate-table';
import './fg-score-strip';
import './fg-threshold-slider';

/** Shortest time between two redraws while your embedding refreshes. */
export const REDRAW_INTERVAL_MS = 250;
/** Shortest time between two spoken updates (aria-live polite), so a screen reader is not flooded. */
export const ANNOUNCE_INTERVAL_MS = 8000;
/**
 * Most groups in one column of a presenter page: six rows of 28 px names fit 1280x720 under the
 * sentence, with the threshold below. A wide screen (src/views/paging.ts) shows two columns a
 * page, so twelve groups. More groups (race x gender: 10 or 12; all three labels: 30) page evenly.
 */
export const PRESENTER_GROUPS_PER_COLUMN = 6;
/** What the presenter's strip shows: each group's note is "taken for you of its people". */
const PRESENTER_CAPTION = 'Your score against each face \u00b7 per group: taken for you / its people';
/** Most groups the presenter's sentence names one by one; the rest are counted. */
const NAMED_GROUPS_IN_SENTENCE = 3;

/** Your own best match among the people enrolled on this laptop. */
export interface BestMatch {
  readonly name: string;
  readonly score: number;
}

const COLUMNS: readonly RateColumn[] = [
  { key: 'taken', label: 'People taken for you', isNumeric: true },
  { key: 'closest', label: 'Your closest score', isNumeric: true },
];

/**
 * "You vs the groups": your live face scored against every face of the pack, one row per group,
 * with the threshold. Says per group how many people would be taken for you.
 *
 * @fires threshold-change - from the slider (ThresholdChangeEvent)
 * @fires group-by-change - from the picker (GroupByChangeEvent)
 */
@customElement('fg-you-vs-groups')
export class FgYouVsGroups extends LitElement {
  static override styles = [viewStyles, css`
    .you { display: flex; flex-wrap: wrap; gap: 0.5em 2em; align-items: baseline; }
    .best { font-size: calc(1.2rem * var(--fg-chart-scale)); font-weight: 600; }
    ul.words { margin: 0; padding-left: 1.2em; font-size: calc(1.05rem * var(--fg-chart-scale)); }
    /* The sentence, and beside it the way to the next groups when they do not fit one screen. */
    .words-row { display: flex; flex-wrap: wrap; gap: 0.2em 1em; align-items: baseline; }
    p.words { margin: 0; flex: 1 1 20em; }
    /* A wide projector: the page's groups in columns side by side, each strip drawn for its column. */
    .strips { display: grid; gap: 0 24px; }
    .strips[data-columns='2'] { grid-template-columns: repeat(2, minmax(0, 1fr)); }
    p.strip-caption { grid-column: 1 / -1; margin: 0 0 0.2em; font-weight: 600; }
    .pager { font: inherit; font-size: 0.7em; padding: 0.1em 0.6em; border-radius: 999px; cursor: pointer;
      border: 1px solid var(--fg-border); background: var(--fg-surface); color: var(--fg-text); }
    /* The tab names the view; the room's screen goes to the sentence and the strip. */
    :host([presenter]) header { display: none; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `];

  /** Your latest embedding; null when no face is in view. */
  @property({ attribute: false }) embedding: Float32Array | null = null;
  /** The active reference pack; null when none is loaded. */
  @property({ attribute: false }) pack: ReferencePack | null = null;
  /** Shared decision threshold, 0..1. */
  @property({ type: Number }) threshold = DEFAULT_THRESHOLD_SIMILARITY;
  /** Labels to group by. */
  @property({ attribute: false, hasChanged: hasShallowChange }) groupBy: string[] = ['race'];
  /** Your best match among enrolled people, shown beside; null when nobody is enrolled. */
  @property({ attribute: false, hasChanged: hasShallowChange }) bestMatch: BestMatch | null = null;
  /** Large type and high contrast for a room. */
  @property({ type: Boolean, reflect: true }) presenter = false;

  @state() private _announcement = '';
  @state() private _presets: ThresholdPreset[] = listThresholdPresets(null);
  /** The presenter's page of groups, from 0, when they do not fit one screen. */
  @state() private _groupPage = 0;

  private _scores: YouGroupScores[] = [];
  private _rows: YouGroupRow[] = [];
  private _lastDraw = 0;
  private _lastAnnounce = -Infinity;
  private _redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private _presetsAbort: AbortController | null = null;
  /** The columns the groups were paged for. */
  private _pagedColumns = 1;
  private readonly _columns = new PresenterColumnsController(this);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._redrawTimer);
    // Leaves the shared scoring; it goes on while the gap view still waits for it.
    this._presetsAbort?.abort();
    this._presetsAbort = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.pack && !this._presetsAbort) this._loadPresets();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pack')) this._loadPresets();
    const isStructural = changed.has('pack') || changed.has('groupBy');
    if (isStructural || changed.has('presenter') || this._columns.columns !== this._pagedColumns) this._groupPage = 0;
    this._pagedColumns = this._columns.columns;
    if (isStructural || changed.has('embedding')) {
      const wait = REDRAW_INTERVAL_MS - (performance.now() - this._lastDraw);
      if (!isStructural && wait > 0 && this._scores.length > 0) {
        // A new embedding arrived too soon: draw the latest one when the interval is up.
        clearTimeout(this._redrawTimer);
        this._redrawTimer = setTimeout(() => this.requestUpdate('embedding'), wait);
      } else {
        this._scores = this.embedding && this.pack ? scoreYouAgainstPack(this.embedding, this.pack, this.groupBy) : [];
        this._lastDraw = performance.now();
      }
    }
    this._rows = countYouMatches(this._scores, this.threshold);
    this._announce();
  }

  override render() {
    return html`
      <header>
        <h2>You vs the groups</h2>
        <p class="explain">Your face, compared with every face in the reference set. A dot at or right of the dashed line would be
          taken for you: a <strong>false match</strong>. Move the threshold to see how many people, and whom, that means.</p>
      </header>
      <div class="controls">
        <fg-threshold-slider .value=${this.threshold} ?presenter=${this.presenter} .presets=${this._presets}></fg-threshold-slider>
        ${this.pack ? html`<fg-group-picker .labels=${selectVariedLabels(this.pack.labels, this.pack.samples)} .value=${this.groupBy}></fg-group-picker>` : nothing}
      </div>
      <div class="sr" aria-live="polite">${this._announcement}</div>
      ${this._renderBody()}`;
  }

  private _renderBody() {
    if (!this.pack) {
      return html`<section class="state" role="status"><h2>No pack loaded</h2><p>Load a reference pack to compare your face with its groups.</p></section>`;
    }
    if (!this.embedding) {
      return html`<section class="state" role="status"><h2>No face in view</h2><p>Look at the camera: your scores appear here as soon as a face is found.</p></section>`;
    }
    if (this._scores.length === 0) {
      return html`<p class="state" role="status">Your face could not be compared with this pack: its embeddings come from another model.</p>`;
    }
    const taken = new Map(this._rows.map((r) => [r.group, r.falseMatches]));
    const pages: PageRange[] = this.presenter ? splitIntoPages(this._scores.length, PRESENTER_GROUPS_PER_COLUMN * this._pagedColumns) : [[0, this._scores.length]];
    const [from, to] = pages[Math.min(this._groupPage, pages.length - 1)];
    const columns: PageRange[] = this.presenter ? splitIntoColumns([from, to], PRESENTER_GROUPS_PER_COLUMN) : [[from, to]];
    // A room reads the strip: each group's count sits after its name and one sentence says the
    // total, so the view fits one screen (more groups page); the table stays on the normal page.
    return html`
      ${this.presenter && !this.bestMatch ? nothing : html`<div class="you">
        <span class="best">${this.bestMatch ? html`Your best match among enrolled people: ${this.bestMatch.name}, ${formatScore(this.bestMatch.score)}` : 'Nobody enrolled yet to match you against.'}</span>
      </div>`}
      ${this.presenter
        ? html`<div class="words-row"><p class="words">${this._describeAll()}</p>${pages.length > 1 ? this._renderPager(pages) : nothing}</div>`
        : html`<ul class="words">${this._rows.map((r) => html`<li data-group=${r.group} data-taken=${r.falseMatches}>${this._describeRow(r)}</li>`)}</ul>`}
      ${columns.length === 1 ? this._renderStrip(from, to, taken) : html`
        <div class="strips" data-columns=${columns.length} data-groups=${`${from + 1}-${to}`}>
          <p class="strip-caption">${PRESENTER_CAPTION}</p>
          ${columns.map(([a, b]) => this._renderStrip(a, b, taken, `Groups ${a + 1}\u2013${b} of ${this._scores.length}`))}
        </div>`}
      ${this.presenter ? nothing : html`<fg-rate-table caption="Who would be taken for you" .columns=${COLUMNS} .rows=${this._rows.map((r) => ({
        group: r.group,
        cells: {
          taken: { text: `${formatCount(r.falseMatches)} of ${formatCount(r.people)}`, value: r.falseMatches },
          closest: { text: formatScore(r.closest?.score), value: r.closest?.score ?? null },
        },
      }))}></fg-rate-table>`}`;
  }

  /**
   * The strip of groups `[from, to)`, titled `caption` (by default what the strip shows); a column
   * of a wide page is drawn for its column's width.
   */
  private _renderStrip(from: number, to: number, taken: ReadonlyMap<string, number>, caption?: string) {
    const isColumn = caption !== undefined;
    return html`<fg-score-strip .threshold=${this.threshold} ?presenter=${this.presenter} data-groups=${`${from + 1}-${to}`}
      presenter-width=${isColumn ? PRESENTER_COLUMN_STRIP_UNITS : nothing}
      caption=${caption ?? (this.presenter ? PRESENTER_CAPTION : `Your score against each face, by ${describeGrouping(this.groupBy)}`)}
      .rows=${this._scores.slice(from, to).map((g) => ({
        group: formatGroupName(g.group), scores: g.scores.map((s) => s.score),
        note: this.presenter ? `${formatCount(taken.get(g.group) ?? 0)} of ${formatCount(g.people)}` : pluralise(g.people, 'person', 'people'),
      }))}></fg-score-strip>`;
  }

  /** "Next: groups 7-12 of 12", or, on the last page, back to the first: every group is a click away. */
  private _renderPager(pages: readonly PageRange[]) {
    const page = Math.min(this._groupPage, pages.length - 1);
    const isLast = page === pages.length - 1;
    const [from, to] = pages[isLast ? 0 : page + 1];
    const total = this._scores.length;
    return html`<button class="pager" type="button" @click=${() => (this._groupPage = isLast ? 0 : page + 1)}>
      ${isLast ? `\u2190 Back to groups ${from + 1}\u2013${to} of ${total}` : `Next: groups ${from + 1}\u2013${to} of ${total} \u2192`}</button>`;
  }

  /**
   * The whole table in one sentence: how many strangers would be taken for you, and in which
   * groups (the most-taken few by name, the rest counted, so it stays a sentence with 30 groups).
   */
  private _describeAll(): string {
    const people = this._rows.reduce((n, r) => n + r.people, 0);
    const taken = this._rows.filter((r) => r.falseMatches > 0);
    const count = taken.reduce((n, r) => n + r.falseMatches, 0);
    if (count === 0) return `At ${formatScore(this.threshold)}, none of ${formatCount(people)} strangers would be taken for you.`;
    const named = taken.length > NAMED_GROUPS_IN_SENTENCE ? [...taken].sort((a, b) => b.falseMatches - a.falseMatches).slice(0, NAMED_GROUPS_IN_SENTENCE) : taken;
    const rest = taken.filter((r) => !named.includes(r));
    const where = named.map((r) => `${formatCount(r.falseMatches)} labelled ${formatGroupName(r.group)}`).join(', ')
      + (rest.length > 0 ? `, and ${formatCount(rest.reduce((n, r) => n + r.falseMatches, 0))} in ${pluralise(rest.length, 'other group', 'other groups')}` : '');
    return `At ${formatScore(this.threshold)}, ${formatCount(count)} of ${formatCount(people)} strangers would be taken for you: ${where}.`;
  }

  private _describeRow(row: YouGroupRow): string {
    const who = `${formatCount(row.people)} ${row.people === 1 ? 'person' : 'people'} labelled ${formatGroupName(row.group)}`;
    const closest = row.closest ? `your closest score there is ${formatScore(row.closest.score)}` : 'no faces to compare';
    if (row.falseMatches === 0) return `None of ${who} would be taken for you; ${closest}.`;
    return `${formatCount(row.falseMatches)} of ${who} would be taken for you; ${closest}.`;
  }

  private _announce(): void {
    const now = performance.now();
    if (now - this._lastAnnounce < ANNOUNCE_INTERVAL_MS) return;
    const taken = this._rows.reduce((n, r) => n + r.falseMatches, 0);
    const text = !this.pack ? 'No pack loaded.' : !this.embedding ? 'No face in view.'
      : `At threshold ${formatScore(this.threshold)}, ${pluralise(taken, 'person', 'people')} in ${pluralise(this._rows.filter((r) => r.falseMatches > 0).length, 'group', 'groups')} would be taken for you.`;
    if (text !== this._announcement) {
      this._announcement = text;
      this._lastAnnounce = now;
    }
  }

  private _loadPresets(): void {
    const pack = this.pack;
    this._presetsAbort?.abort();
    this._presetsAbort = null;
    this._presets = listThresholdPresets(null);
    if (!pack) return;
    const abort = (this._presetsAbort = new AbortController());
    // Sorted in the all-pairs worker for a large pack: a second of work that would freeze the page.
    scorePackPairs(pack, undefined, abort.signal)
      .then((set) => buildGapIndexInBackground(set, { groupBy: [], impostorGrouping: 'within', excludeUnverified: false }, { signal: abort.signal }))
      .then((gap) => {
        if (abort.signal.aborted || this.pack !== pack) return;
        this._presets = listGapPresets(gap, getModelOrDefault(this.pack?.model.id));
      })
      .catch(() => { /* the presets stay disabled; the gap view reports the scoring error */ });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-you-vs-groups': FgYouVsGroups;
  }
}
