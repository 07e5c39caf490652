import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatGroupName } from '../views/format';
import { toCsv, type CsvCell } from './export/csv';
import './export/fg-export-menu';

/** A column of the table. */
export interface RateColumn {
  readonly key: string;
  readonly label: string;
  /** Right-aligned, tabular figures. */
  readonly isNumeric?: boolean;
}

/** One cell: the text shown, the full-precision number behind it (data-value, CSV), an optional note. */
export interface RateCell {
  readonly text: string;
  readonly value?: number | null;
  readonly note?: string;
  /** The 95% interval behind the note, written to data-ci95 as JSON. */
  readonly ci?: readonly [number, number] | null;
}

/** One row, keyed by group. */
export interface RateRow {
  readonly group: string;
  readonly cells: Readonly<Record<string, RateCell>>;
  /** Why the row should not be over-read (small group); shown under the group name. */
  readonly flag?: string | null;
}

/**
 * A table of per-group figures with a CSV download. Each numeric cell carries its exact value in
 * `data-value` (rows `data-group`, cells `data-key`), so tests and curious users can check the
 * figures against the metrics CLI.
 */
@customElement('fg-rate-table')
export class FgRateTable extends LitElement {
  static override styles = css`
    :host { display: block; font-size: calc(1rem * var(--fg-chart-scale, 1)); }
    .head { display: flex; justify-content: space-between; align-items: baseline; gap: 1em; flex-wrap: wrap; }
    caption, .title { font-weight: 600; text-align: left; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; }
    th, td { padding: 0.35em 0.6em; border-bottom: 1px solid var(--fg-border, #c9ced6); text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--fg-text, #1a1a1a); font-size: 0.9em; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .note, .flag { display: block; font-size: var(--fg-small, 0.8em); color: var(--fg-muted, #555b66); font-weight: normal; }
    .flag { color: var(--fg-warn, #a15c00); }
    .flag::before { content: '\u26a0 '; }
    .empty { color: var(--fg-muted, #555b66); }
    /* A room never sees a column scrolled out of view: in presenter mode the table fits its width and cells wrap. */
    :host([presenter]) table { table-layout: fixed; }
    :host([presenter]) td.num { white-space: normal; overflow-wrap: anywhere; }
    :host([presenter]) th, :host([presenter]) td { padding: 0.05em 0.35em; line-height: 1.2; }
    :host([presenter]) thead th { font-size: 1em; overflow-wrap: anywhere; }
    :host([presenter]) .head { display: none; }
    :host([presenter]) thead th:first-child { width: 22%; }
    :host([presenter]) thead th:nth-child(2) { width: 4.5em; }
    /* A 720-line projector keeps one line per group: the rate and its interval; the counts go. */
    @media (max-height: 900px) { :host([presenter]) .note { display: none; } }
  `;

  /** Table title (its caption, and the CSV file name). */
  @property() caption = 'Rates by group';
  /** Columns after the group column. */
  @property({ attribute: false }) columns: readonly RateColumn[] = [];
  /** Rows, one per group. */
  @property({ attribute: false }) rows: readonly RateRow[] = [];
  /** Shown instead of an empty table. */
  @property() emptyText = 'No groups to show.';
  /** Projector layout: no sideways scrolling, no download menu. */
  @property({ type: Boolean, reflect: true }) presenter = false;

  override render() {
    return html`
      <div class="head"><span class="title" id="t">${this.caption}</span>
        <fg-export-menu title=${this.caption} .getCsv=${() => this.toCsv()}></fg-export-menu></div>
      ${this.rows.length === 0 ? html`<p class="empty">${this.emptyText}</p>` : html`
      <div class="scroll"><table aria-labelledby="t">
        <thead><tr><th scope="col">Group</th>${this.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
        <tbody>${this.rows.map((row) => html`
          <tr data-group=${row.group}>
            <th scope="row">${formatGroupName(row.group)}${row.flag ? html`<span class="flag">${row.flag}</span>` : nothing}</th>
            ${this.columns.map((c) => {
              const cell = row.cells[c.key];
              return html`<td class=${c.isNumeric ? 'num' : ''} data-key=${c.key}
                data-value=${cell?.value === undefined || cell.value === null ? 'null' : String(cell.value)}
                data-ci95=${cell?.ci === undefined ? nothing : JSON.stringify(cell.ci)}>${cell?.text ?? ''}${cell?.note ? html`<span class="note">${cell.note}</span>` : nothing}</td>`;
            })}
          </tr>`)}</tbody>
      </table></div>`}`;
  }

  /** The table as CSV: numbers at full precision, the shown text beside them. */
  toCsv(): string {
    const header = ['group', 'flag', ...this.columns.flatMap((c) => (c.isNumeric ? [c.label, `${c.label} (shown)`] : [c.label]))];
    const rows = this.rows.map((row): CsvCell[] => [row.group, row.flag ?? '', ...this.columns.flatMap((c) => {
      const cell = row.cells[c.key];
      const shown = cell ? `${cell.text}${cell.note ? ` (${cell.note})` : ''}` : '';
      return c.isNumeric ? [cell?.value ?? null, shown] : [shown];
    })]);
    return toCsv(header, rows);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-rate-table': FgRateTable;
  }
}
