/**
 * The live figure of each lesson step, as lit templates: fg-lesson hands in the numbers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatRateWithInterval, listLessonThresholds, findGapExtremes, type ClosestStranger } from '../../classroom/lesson-figures';
import { DISCUSSION_QUESTIONS, NIST_CITATION, type LessonFigure } from '../../classroom/lesson';
import type { ReferencePack } from '../../datasets/pack-types';
import { computeGapAtThreshold, type GapIndex } from '../../views/gap-model';
import { formatScore, pluralise } from '../../views/format';
import type { SummarySentence } from '../../views/sentence';
import '../room/fg-join-code';

/** What the figures show. */
export interface LessonFigureInput {
  pack: ReferencePack | null;
  gap: GapIndex | null;
  threshold: number;
  groupBy: readonly string[];
  people: number;
  match: { name: string | null; score: number | null };
  stranger: ClosestStranger | null;
  joinUrl: string;
  roomCount: number;
  /** The gap's summary sentence with its ratio interval (RatioIntervalController), once the pack is scored. */
  sentence: SummarySentence | null;
}

const WAITING = html`<p class="muted" role="status">Scoring the reference pack…</p>`;

/** Renders the figure of one step. */
export function renderLessonFigure(figure: LessonFigure, input: LessonFigureInput): TemplateResult {
  switch (figure) {
    case 'enrol':
      return html`<p class="big">${pluralise(input.people, 'person', 'people')} enrolled</p>
        <p>${input.match.name ? html`Now in front of the camera: <strong>${input.match.name}</strong>` : 'Step in front of the camera; enrol in the Live tab.'}</p>`;
    case 'score': {
      const { score, name } = input.match;
      if (score === null) return html`<p class="big">No face in view</p><p>Face the camera to see a live score.</p>`;
      const isMatch = score >= input.threshold;
      return html`<p class="big ${isMatch ? 'match' : 'nomatch'}">${formatScore(score)} ${isMatch ? '\u2265' : '<'} ${formatScore(input.threshold)}</p>
        <p>score against ${name ?? 'the closest enrolled person'} ${isMatch ? '\u2192 same person' : '\u2192 someone else'}; threshold ${formatScore(input.threshold)}</p>`;
    }
    case 'stranger': {
      const s = input.stranger;
      if (!s) return html`<p class="big">No face in view</p><p>Face the camera: the closest stranger appears here.</p>`;
      return html`<p class="big ${s.score >= input.threshold ? 'nomatch' : ''}">${formatScore(s.score)}</p>
        <p>the closest of ${pluralise(input.pack?.samples.length ?? 0, 'stranger', 'strangers')} (labelled ${s.group}); threshold ${formatScore(input.threshold)}:
          ${s.score >= input.threshold ? 'a false match' : 'below it, so no false match'}</p>`;
    }
    case 'gap':
      return input.gap ? renderGapTable(input.gap, input) : WAITING;
    case 'threshold':
      return input.gap ? renderThresholdTable(input.gap, input.threshold) : WAITING;
    case 'nist':
      return html`<p class="big">10\u00d7 to 100\u00d7</p><p>higher false-match rates for some groups, across most of 189 algorithms tested.</p><cite>${NIST_CITATION}</cite>`;
    case 'limits':
      return renderLimits(input);
    case 'questions':
      return html`<div class="row"><ol>${DISCUSSION_QUESTIONS.map((q) => html`<li>${q}</li>`)}</ol></div>
        ${input.joinUrl ? html`<fg-join-code .url=${input.joinUrl}></fg-join-code>` : nothing}
        <p class="muted">${pluralise(input.roomCount, 'laptop', 'laptops')} collected in the room so far.</p>`;
  }
}

function renderGapTable(gap: GapIndex, input: LessonFigureInput) {
  const at = computeGapAtThreshold(gap, input.threshold);
  const sentence = input.sentence;
  return html`${sentence ? html`<p data-sentence-kind=${sentence.kind}><strong>${sentence.text}</strong></p>` : nothing}
    <table><caption class="muted">False-match rate at threshold ${formatScore(input.threshold)}, with its 95% interval</caption>
      <thead><tr><th scope="col">group</th><th scope="col">false-match rate</th><th scope="col">people</th></tr></thead>
      <tbody>${at.rows.map((r) => html`<tr><td>${r.group}</td><td class="num">${formatRateWithInterval(r.fmr)}</td><td class="num">${r.people}${r.isSmall ? ' (small)' : ''}</td></tr>`)}</tbody>
    </table>`;
}

function renderThresholdTable(gap: GapIndex, threshold: number) {
  const rows = listLessonThresholds(threshold).map((t) => findGapExtremes(gap, t));
  return html`<table><thead><tr><th scope="col">threshold</th><th scope="col">most false matches</th><th scope="col">fewest</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr><td class="num">${formatScore(r.threshold)}${r.threshold === threshold ? ' (now)' : ''}</td>
      <td>${r.high ? html`${r.high.group}: ${formatRateWithInterval(r.high.fmr)}` : 'not measurable'}</td>
      <td>${r.low ? html`${r.low.group}: ${formatRateWithInterval(r.low.fmr)}` : 'not measurable'}</td></tr>`)}</tbody></table>`;
}

function renderLimits(input: LessonFigureInput) {
  const pack = input.pack;
  if (!pack) return html`<p>No reference pack is loaded.</p>`;
  const smallest = input.gap ? Math.min(...[...input.gap.members.values()].map((m) => m.people)) : null;
  return html`<ul>
    <li>${pluralise(pack.samples.length, 'face', 'faces')} from one dataset: ${pack.name}</li>
    ${smallest !== null ? html`<li>smallest group: ${pluralise(smallest, 'person', 'people')}</li>` : nothing}
    <li>labels assigned by others, not self-described</li>
  </ul><p class="muted">${pack.attribution}</p>`;
}
