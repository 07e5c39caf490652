import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { describeGrouping, groupingKey, listGroupings } from '../views/grouping';

/** Fired when the user picks a grouping (never when `value` is set). */
export class GroupByChangeEvent extends Event {
  static readonly eventName = 'group-by-change' as const;
  constructor(
    /** Labels to group by, e.g. ["race", "gender"]. */
    readonly groupBy: string[],
  ) {
    super(GroupByChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * One-click grouping: each label, and the intersections of race, gender and age band. Native
 * radio buttons, so arrow keys move between options.
 *
 * @fires group-by-change - {@link GroupByChangeEvent}
 */
@customElement('fg-group-picker')
export class FgGroupPicker extends LitElement {
  static override styles = css`
    :host { display: block; font-size: calc(1rem * var(--fg-chart-scale, 1)); }
    fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.4em; align-items: center; }
    legend { font-weight: 600; padding: 0; margin-right: 0.6em; float: left; }
    label { position: relative; }
    input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
    span {
      display: inline-block; padding: 0.3em 0.8em; border-radius: 999px;
      border: 1px solid var(--fg-border, #c9ced6); background: var(--fg-surface, #f3f5f8); color: var(--fg-text, #1a1a1a);
    }
    input:checked + span { background: var(--fg-text, #1a1a1a); color: var(--fg-bg, #fff); border-color: var(--fg-text, #1a1a1a); }
    input:checked + span::before { content: '\u2713 '; }
    input:focus-visible + span { outline: 3px solid var(--fg-accent, #0b57d0); outline-offset: 2px; }
  `;

  /** Labels the active set declares, e.g. ["race", "gender", "age_band"]. */
  @property({ attribute: false }) labels: readonly string[] = [];
  /** Current grouping. */
  @property({ attribute: false }) value: readonly string[] = [];

  override render() {
    const current = groupingKey(this.value);
    const options = listGroupings(this.labels);
    if (options.length === 0) return html`<p>This set has no labels to group by.</p>`;
    return html`<fieldset>
      <legend>Group by</legend>
      ${options.map((groupBy) => html`<label>
        <input type="radio" name="group-by" .value=${groupingKey(groupBy)} .checked=${groupingKey(groupBy) === current}
          @change=${() => this.dispatchEvent(new GroupByChangeEvent([...groupBy]))} />
        <span>${describeGrouping(groupBy)}</span></label>`)}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-group-picker': FgGroupPicker;
  }
  interface HTMLElementEventMap {
    'group-by-change': GroupByChangeEvent;
  }
}
