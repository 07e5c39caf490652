import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { findStepForKey, LESSON_STEPS } from '../../classroom/lesson';
import { findClosestStranger, type ClosestStranger } from '../../classroom/lesson-figures';
import type { ReferencePack } from '../../datasets/pack-types';
import { LessonExitEvent, LessonStepChangeEvent } from './lesson-events';
import { renderLessonFigure } from './lesson-figure';
import { lessonStyles } from './lesson-styles';
import { PackGapController } from './pack-gap-controller';
import { RatioIntervalController } from './ratio-interval-controller';

/**
 * Lesson mode: one step at a time, full screen, in type readable from the back of a room.
 * Arrow keys, Page Up/Down (what presentation clickers send), Home and End move between steps;
 * N shows the speaker notes, Escape leaves. Keys are read from the whole window so a clicker works
 * whatever has focus. `data-step` mirrors the step for tests.
 *
 * @fires lesson-step-change - the presenter moved (LessonStepChangeEvent)
 * @fires lesson-exit - the presenter left (LessonExitEvent)
 */
@customElement('fg-lesson')
export class FgLesson extends LitElement {
  static override styles = lessonStyles;

  /** Current step, 0-based. */
  @property({ type: Number }) step = 0;
  /** Active reference pack. */
  @property({ attribute: false }) pack: ReferencePack | null = null;
  /** Shared decision threshold, 0..1. */
  @property({ type: Number }) threshold = 0.5;
  /** Pack labels that make its groups. */
  @property({ attribute: false }) groupBy: string[] = ['race'];
  /** The live face's latest embedding, for the closest stranger. */
  @property({ attribute: false }) embedding: Float32Array | null = null;
  /** The live match: best enrolled person and score. */
  @property({ attribute: false }) match: { name: string | null; score: number | null } = { name: null, score: null };
  /** People enrolled on this laptop. */
  @property({ type: Number }) people = 0;
  /** Address attendees open (join code). */
  @property({ attribute: 'join-url' }) joinUrl = '';
  /** The active face model and its score, in words, e.g. "faceres, score human-similarity-v1"; empty while it loads. */
  @property() model = '';
  /** Laptops collected in the room so far. */
  @property({ type: Number, attribute: 'room-count' }) roomCount = 0;

  @state() private _isNotesShown = false;
  private _stranger: ClosestStranger | null = null;
  private readonly _gap = new PackGapController(this);
  private readonly _ratio = new RatioIntervalController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKey);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('embedding') || changed.has('pack') || changed.has('groupBy')) this._stranger = findClosestStranger(this.embedding, this.pack, this.groupBy);
  }

  override updated(): void {
    this.dataset.step = String(this.step);
  }

  override render() {
    const index = Math.min(Math.max(0, this.step), LESSON_STEPS.length - 1);
    const step = LESSON_STEPS[index];
    const gap = this._gap.gapFor(this.pack, this.groupBy);
    // Resampled only on the step that states the ratio: the others need no interval of it.
    const sentence = gap && step.figure === 'gap' ? this._ratio.sentenceFor(gap, this.threshold) : null;
    return html`
      <header>
        <h2 id="title">${step.title}</h2>
        <p class="idea">${step.idea}</p>
      </header>
      <section class="figure" aria-labelledby="title" aria-live="polite">
        ${renderLessonFigure(step.figure, {
          pack: this.pack, gap, threshold: this.threshold, groupBy: this.groupBy, people: this.people,
          match: this.match, stranger: this._stranger, joinUrl: this.joinUrl, roomCount: this.roomCount, sentence,
        })}
      </section>
      <footer>
        <span class="progress">Step ${index + 1} of ${LESSON_STEPS.length}${this.model ? html` \u00b7 <span class="model">model ${this.model}</span>` : nothing}</span>
        ${this._isNotesShown ? html`<p class="notes" aria-label="Speaker notes">${step.notes}</p>` : nothing}
        <button @click=${() => this._move(index - 1)} ?disabled=${index === 0}>Back</button>
        <button @click=${() => this._move(index + 1)} ?disabled=${index === LESSON_STEPS.length - 1}>Next</button>
        <button aria-pressed=${this._isNotesShown ? 'true' : 'false'} @click=${this._toggleNotes}>Notes</button>
        <button @click=${this._exit}>Leave lesson</button>
      </footer>`;
  }

  private _move(step: number): void {
    const next = Math.min(Math.max(0, step), LESSON_STEPS.length - 1);
    if (next !== this.step) this.dispatchEvent(new LessonStepChangeEvent(next));
  }

  private _toggleNotes = () => {
    this._isNotesShown = !this._isNotesShown;
  };

  private _exit = () => {
    this.dispatchEvent(new LessonExitEvent());
  };

  private _onKey = (event: KeyboardEvent) => {
    // Typing in a field elsewhere must not turn pages.
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
    if (event.key === 'n' || event.key === 'N') return this._toggleNotes();
    if (event.key === 'Escape') return this._exit();
    const next = findStepForKey(this.step, event.key);
    if (next === null) return;
    event.preventDefault();
    this._move(next);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-lesson': FgLesson;
  }
}
