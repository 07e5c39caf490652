import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
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

/**
 * "Room": the same rates and charts as the gap view, for the people enrolled on this laptop.
 * Same-person pairs are two captures of one person; different-person pairs, captures of two people.
 * Says plainly when there are too few people for a number to mean anything. The lowest and highest
 * same-person and different-person scores are mirrored in the panels' `data-genuine-range` and
 * `data-impostor-range`.
 *
 * @fires threshold-change - from the slider (ThresholdChangeEvent)
 * @fires group-by-change - from the picker (GroupByChangeEvent)
 */
@customElement('fg-room-view')
export class FgRoomView extends LitElement {
  static override styles = viewStyles;

  /** Attendees enrolled on this laptop, with optional self-described labels. */
  @property({ attribute: false }) people: Template[] = [];
  /** Shared decision threshold, 0..1. */
  @property({ type: Number }) threshold = DEFAULT_THRESHOLD_SIMILARITY;
  /** Labels to group by (self-described race, gender, age band). */
  @property({ attribute: false }) groupBy: string[] = ['gender'];
  /** Large type and high contrast for a room. */
  @property({ type: Boolean, reflect: true }) presenter = false;

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
      <header>
        <h2>This room</h2>
        <p class="explain">The people enrolled on this laptop${this.people.length ? ` (${pluralise(this.people.length, 'person', 'people')}, ${pluralise(captures, 'capture', 'captures')})` : ''},
          compared with each other. Groups use the labels people chose to give; nobody has to give any.
          With a handful of people every number here is a demonstration, not a measurement.</p>
      </header>
      <div class="controls">
        <fg-threshold-slider .value=${this.threshold} ?presenter=${this.presenter}
          .presets=${listGapPresets(gap)}></fg-threshold-slider>
        <fg-group-picker .labels=${['race', 'gender', 'age_band']} .value=${this.groupBy}></fg-group-picker>
      </div>
      ${shortfall ? html`<p class="state" role="status">${shortfall}</p>` : nothing}
      ${gap && this.people.length >= 2
        ? html`<fg-gap-panels .gap=${gap} .threshold=${this.threshold} ?presenter=${this.presenter}
            data-genuine-range=${describeRange(gap.index.overall.genuine)} data-impostor-range=${describeRange(gap.index.overall.impostor)}></fg-gap-panels>`
        : nothing}`;
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
