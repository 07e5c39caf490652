import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SMALL_ROOM_GROUP_PEOPLE, type RoomStatistics } from '../../classroom/room-stats';
import { formatGroupName, formatRate, formatRateInterval, formatRatio, formatScore, pluralise } from '../../views/format';
import type { RateEstimate } from '../../metrics';
import { ROOM_ROWS_PER_COLUMN, type RoomPage } from '../../classroom/room-pages';
import { splitIntoColumns } from '../../views/paging';

/**
 * The whole room's numbers from the codes collected (src/classroom/room-stats.ts): how often the
 * room's own people would be missed, by self-described group, and how often the pack's strangers
 * would be taken for someone in the room, by group; each rate with its 95% interval and the
 * small-group caveat. `data-people` mirrors the count for tests. In presenter view a `page` shows
 * one part: the count alone (collecting), or some rows of one table with its ratio and caveat,
 * six rows a column (a wide screen's page of twelve is two tables side by side).
 */
@customElement('fg-room-stats')
export class FgRoomStats extends LitElement {
  static override styles = css`
    :host { display: grid; gap: 0.5em; }
    p { margin: 0; }
    /* The room's people and the pack's strangers side by side when there is room: one screen on a projector. */
    .tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 17em), 1fr)); gap: 0.5em 1.5em; align-items: start; }
    .tables > div { display: grid; gap: 0.3em; }
    /* A wide projector page: six groups a column, the columns side by side under one question. */
    .columns { display: flex; gap: 0 1.5em; align-items: start; }
    table { border-collapse: collapse; }
    th, td { text-align: left; padding: 0.15em 0.9em 0.15em 0; border-bottom: 1px solid #888; }
    td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
    h3 { margin: 0; font-size: 1em; }
    .caveat { border-left: 4px solid #555; padding-left: 0.8em; margin: 0; }
  `;

  /** The room's statistics, or null before any code is collected. */
  @property({ attribute: false }) stats: RoomStatistics | null = null;
  /** The presenter's page (src/classroom/room-pages.ts), or null for everything at once (the normal page). */
  @property({ attribute: false }) page: RoomPage | null = null;

  override updated(): void {
    this.dataset.people = String(this.stats?.people ?? 0);
  }

  override render() {
    const s = this.stats;
    const other = s && s.otherModel > 0
      ? html`<p class="other-model" role="status">${pluralise(s.otherModel, 'code', 'codes')} in this room ${s.otherModel === 1 ? 'was' : 'were'} made with another face model and ${s.otherModel === 1 ? 'is' : 'are'} left out of every number: switch back to that model to see ${s.otherModel === 1 ? 'it' : 'them'}, or clear the room.</p>`
      : nothing;
    if (!s || s.people === 0) return html`${other}<p class="count" role="status">0 laptops collected. Ask attendees to press "Show the presenter" (Room tab) and hold their screen to this camera.</p>`;
    const count = html`<p class="count" role="status"><strong>${pluralise(s.people, 'laptop', 'laptops')} collected</strong>, at threshold ${formatScore(s.threshold)}.</p>`;
    const page = this.page;
    if (page?.kind === 'collect' || page?.kind === 'laptop') return html`${other}${count}`;
    const isAll = page === null;
    // A projector page has no count line above its table: the question itself names the threshold.
    const atThreshold = isAll ? '' : ` at ${formatScore(s.threshold)}`;
    const hasLowerBound = s.strangers.some((r) => r.isLowerBound);
    const small = html`A group with fewer than ${SMALL_ROOM_GROUP_PEOPLE} people is marked small: one person moves its rate a lot, and its interval is wide.`;
    const wilson = 'In brackets: Wilson 95% intervals, which treat pairs as independent (they are not).';
    const chosen = 'Groups are what people chose to say about themselves; nobody had to.';
    const atLeast = hasLowerBound ? html`"At least" means some laptops sent only their closest strangers, and all of those pass this threshold.` : nothing;
    const missed = (from: number, to: number) => html`<div>
      <h3>Would the room's own people be missed${atThreshold}?</h3>
      ${this._renderColumns(from, to, (a, b) => html`<table><thead><tr><th scope="col">group</th><th scope="col">people</th><th scope="col">missed</th></tr></thead>
        <tbody>${s.genuine.slice(a, b).map((r) => html`<tr><td>${formatGroupName(r.group)}</td><td class="num">${r.people}${r.isSmall ? ' (small)' : ''}</td><td class="num">${formatCompactRate(r.fnmr)}</td></tr>`)}</tbody></table>`)}
      <p>Highest over lowest${describeAcross(from, to, s.genuine.length)}: ${formatRatio(s.fnmrMaxMinRatio)}</p></div>`;
    const strangers = (from: number, to: number) => html`<div><h3>Would the pack's strangers be taken for someone in the room${atThreshold}?</h3>
      ${this._renderColumns(from, to, (a, b) => html`<table><thead><tr><th scope="col">pack group</th><th scope="col">false matches</th></tr></thead>
        <tbody>${s.strangers.slice(a, b).map((r) => html`<tr><td>${formatGroupName(r.group)}</td><td class="num">${r.isLowerBound ? 'at least ' : ''}${formatCompactRate(r.fmr)}</td></tr>`)}</tbody></table>`)}
      <p>Highest over lowest${describeAcross(from, to, s.strangers.length)}: ${formatRatio(s.fmrMaxMinRatio)}</p></div>`;
    if (isAll) {
      return html`${other}${count}
        <div class="tables">${missed(0, s.genuine.length)}${strangers(0, s.strangers.length)}</div>
        <p class="caveat">${small} ${wilson} ${chosen} ${atLeast}</p>`;
    }
    // A projector page: one table's rows, the ratio over all its groups, and the caveat that applies to it.
    return page.kind === 'missed'
      ? html`${missed(page.from, page.to)}<p class="caveat">${small} ${wilson} ${chosen}</p>`
      : html`${strangers(page.from, page.to)}<p class="caveat">${wilson} ${atLeast}</p>`;
  }

  /**
   * A table's rows `[from, to)`: one table on the normal page; on a projector page, tables of at
   * most ROOM_ROWS_PER_COLUMN rows side by side (two on a wide screen, whose page holds twelve).
   */
  private _renderColumns(from: number, to: number, renderTable: (from: number, to: number) => TemplateResult) {
    const columns = this.page ? splitIntoColumns([from, to], ROOM_ROWS_PER_COLUMN) : [[from, to] as const];
    if (columns.length === 1) return renderTable(from, to);
    return html`<div class="columns" data-columns=${columns.length}>${columns.map(([a, b]) => renderTable(a, b))}</div>`;
  }
}

/** ", across all 10 groups" when a page shows some of a table's rows: the ratio is over every group, not the page's. */
function describeAcross(from: number, to: number, total: number): string {
  return to - from < total ? `, across all ${total} groups` : '';
}

/** "3.2% (1.1%–8.7%)": the rate and its Wilson 95% interval, short enough for two tables side by side on a projector. */
function formatCompactRate(rate: RateEstimate): string {
  return rate.rate === null ? formatRate(null) : `${formatRate(rate.rate)} (${formatRateInterval(rate.ci95)})`;
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-room-stats': FgRoomStats;
  }
}
