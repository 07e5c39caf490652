import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReportAtThreshold, JsonSummaryValue } from '../metrics/report';
import { formatIndex, formatRatio } from '../views/format';
import type { SummarySentence } from '../views/sentence';

/** A summary row: its spec field, its name, what it means, how it is written. */
const SUMMARIES: readonly { key: keyof ReportAtThreshold['summary']; name: string; meaning: string; isRatio: boolean }[] = [
  { key: 'fmr_max_min_ratio', name: 'False matches, highest / lowest group', meaning: '1 means every group is equal.', isRatio: true },
  { key: 'fmr_max_geomean_ratio', name: 'False matches, highest / geometric mean', meaning: 'NIST\u2019s proposed summary; 1 is parity.', isRatio: true },
  { key: 'fnmr_max_min_ratio', name: 'False non-matches, highest / lowest', meaning: 'Missed same-person pairs; 1 is parity.', isRatio: true },
  { key: 'fnmr_max_geomean_ratio', name: 'False non-matches, highest / geometric mean', meaning: '1 is parity.', isRatio: true },
  { key: 'fdr', name: 'Fairness discrepancy rate', meaning: 'de Freitas Pereira & Marcel 2021; 1 is parity, lower is worse.', isRatio: false },
  { key: 'inequity_rate', name: 'Inequity rate', meaning: 'Both ratios combined; 1 is parity.', isRatio: true },
  { key: 'garbe', name: 'GARBE', meaning: 'Gini-based (Howard et al.); 0 is parity.', isRatio: false },
];

/** Writes one spec summary value; "Infinity" says a group had no errors (spec). */
function formatSummary(value: JsonSummaryValue, isRatio: boolean): string {
  if (value === 'Infinity') return 'not measurable (a group had no errors)';
  if (value === null) return 'not measurable';
  return isRatio ? formatRatio(value) : formatIndex(value);
}

/**
 * The one sentence an audience reads, in large type, with the spec's summaries across groups
 * below it (shared/spec/bias-metrics.md, "Summaries across groups").
 */
@customElement('fg-summary-sentence')
export class FgSummarySentence extends LitElement {
  static override styles = css`
    :host { display: block; }
    .sentence { font-size: calc(1.45rem * var(--fg-chart-scale, 1)); line-height: 1.3; font-weight: 600; margin: 0 0 0.4em; max-width: 60ch; }
    .sentence.computing { opacity: 0.85; }
    :host([presenter]) .sentence { font-size: 28px; line-height: 1.25; max-width: none; margin: 0; }
    dl { display: grid; grid-template-columns: max-content max-content 1fr; gap: 0.2em 1em; margin: 0.5em 0 0; font-size: calc(0.95rem * var(--fg-chart-scale, 1)); }
    dt { font-weight: 600; }
    dd { margin: 0; font-variant-numeric: tabular-nums; }
    dd.meaning { color: var(--fg-muted, #555b66); }
    details summary { cursor: pointer; }
    details summary:focus-visible { outline: 3px solid var(--fg-accent, #0b57d0); outline-offset: 2px; }
  `;

  /** The sentence to show; null shows nothing. */
  @property({ attribute: false }) sentence: SummarySentence | null = null;
  /** Projector: the brief sentence, a little smaller, so it and the table fit one screen. */
  @property({ type: Boolean, reflect: true }) presenter = false;
  /** The spec report at the current threshold, for the summaries; null hides them. */
  @property({ attribute: false }) report: ReportAtThreshold | null = null;

  override render() {
    if (!this.sentence) return nothing;
    const s = this.sentence;
    return html`
      <p class="sentence" data-kind=${s.kind} data-sides=${s.sides.map((side) => `${side.side}:${side.kind}`).join(' ')} data-ratio=${s.ratio === null ? 'null' : String(s.ratio)}
        data-high=${s.highGroup ?? ''} data-low=${s.lowGroup ?? ''}>${this.presenter ? s.brief : s.text}</p>
      ${this.report ? html`<details>
        <summary>All summaries across groups (spec definitions)</summary>
        <dl>${SUMMARIES.map((m) => html`
          <dt>${m.name}</dt>
          <dd data-key=${m.key} data-value=${String(this.report!.summary[m.key])}>${formatSummary(this.report!.summary[m.key], m.isRatio)}</dd>
          <dd class="meaning">${m.meaning}</dd>`)}</dl>
      </details>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-summary-sentence': FgSummarySentence;
  }
}
