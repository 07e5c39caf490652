import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SMALL_ROOM_GROUP_PEOPLE, type RoomStatistics } from '../../classroom/room-stats';
import { formatRateWithInterval } from '../../classroom/lesson-figures';
import { formatRatio, formatScore, pluralise } from '../../views/format';

/**
 * The whole room's numbers from the codes collected (src/classroom/room-stats.ts): how often the
 * room's own people would be missed, by self-described group, and how often the pack's strangers
 * would be taken for someone in the room, by group; each rate with its 95% interval and the
 * small-group caveat. `data-people` mirrors the count for tests.
 */
@customElement('fg-room-stats')
export class FgRoomStats extends LitElement {
  static override styles = css`
    :host { display: grid; gap: 0.8em; }
    table { border-collapse: collapse; }
    th, td { text-align: left; padding: 0.15em 0.9em 0.15em 0; border-bottom: 1px solid #888; }
    td.num { font-variant-numeric: tabular-nums; }
    h3 { margin: 0.4em 0 0; }
    .caveat { border-left: 4px solid #555; padding-left: 0.8em; margin: 0; }
  `;

  /** The room's statistics, or null before any code is collected. */
  @property({ attribute: false }) stats: RoomStatistics | null = null;

  override updated(): void {
    this.dataset.people = String(this.stats?.people ?? 0);
  }

  override render() {
    const s = this.stats;
    if (!s || s.people === 0) return html`<p class="count" role="status">0 laptops collected. Ask attendees to press "Show the presenter" (Room tab) and hold their screen to this camera.</p>`;
    return html`
      <p class="count" role="status"><strong>${pluralise(s.people, 'laptop', 'laptops')} collected</strong>, at threshold ${formatScore(s.threshold)}.</p>
      <h3>Would the room's own people be missed?</h3>
      <table><thead><tr><th scope="col">self-described group</th><th scope="col">people</th><th scope="col">missed (false non-match rate)</th></tr></thead>
        <tbody>${s.genuine.map((r) => html`<tr><td>${r.group}</td><td class="num">${r.people}${r.isSmall ? ' (small)' : ''}</td><td class="num">${formatRateWithInterval(r.fnmr)}</td></tr>`)}</tbody></table>
      <p>Highest over lowest: ${formatRatio(s.fnmrMaxMinRatio)}</p>
      <h3>Would the pack's strangers be taken for someone in the room?</h3>
      <table><thead><tr><th scope="col">pack group</th><th scope="col">false-match rate</th></tr></thead>
        <tbody>${s.strangers.map((r) => html`<tr><td>${r.group}</td><td class="num">${r.isLowerBound ? 'at least ' : ''}${formatRateWithInterval(r.fmr)}</td></tr>`)}</tbody></table>
      <p>Highest over lowest: ${formatRatio(s.fmrMaxMinRatio)}</p>
      <p class="caveat">A group with fewer than ${SMALL_ROOM_GROUP_PEOPLE} people is marked small: one person moves its rate a lot, and its interval is wide.
        Intervals treat pairs as independent, which they are not. Groups are what people chose to say about themselves; nobody had to.
        ${s.strangers.some((r) => r.isLowerBound) ? html`"At least" means some laptops sent only their closest strangers, and all of those pass this threshold.` : nothing}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-room-stats': FgRoomStats;
  }
}
