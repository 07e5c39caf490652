/** Layout shared by the three bias views; presenter mode raises --fg-chart-scale and contrast. */
import { css } from 'lit';

/** Sections, explanations, states and the presenter look. */
export const viewStyles = css`
  :host { display: grid; gap: 1.25em; align-content: start; color: var(--fg-text, #1a1a1a); --fg-chart-scale: 1; container-type: inline-size; }
  /* Dark for a projector; 1rem x 1.75 = 28 px, the smallest body text a room can read. */
  :host([presenter]) {
    --fg-chart-scale: 1.75; --fg-text: #f4f5f7; --fg-muted: #d5d9df; --fg-border: #7d848e; --fg-bg: #101214; --fg-surface: #23272d;
    --fg-accent: #56b4e9; --fg-warn: #f0c060; --fg-small: 1em; background: #101214; font-size: 28px; gap: 0.35em;
  }
  :host([presenter]) h2 { font-size: 32px; margin: 0; }
  :host([presenter]) .state { padding: 0.3em 0.6em; }
  /* The room reads the sentence and the table first; the threshold stays at hand below them, and
     grouping and filters are set before presenting. */
  :host([presenter]) .controls { order: 1; padding: 0.2em 0.5em; }
  :host([presenter]) .controls fg-group-picker, :host([presenter]) .controls .toggles { display: none; }
  /* One screen per view: the model's own guesses and the dataset's credits stay on the normal page. */
  :host([presenter]) .estimates, :host([presenter]) .source { display: none; }
  :host > * { min-width: 0; }
  /* In a room the presenter explains; the audience needs the sentence and the numbers above the fold. */
  :host([presenter]) header .explain, :host([presenter]) .controls > .explain { display: none; }
  h2 { margin: 0 0 0.3em; font-size: calc(1.5rem * var(--fg-chart-scale)); }
  h3 { margin: 0 0 0.3em; font-size: calc(1.15rem * var(--fg-chart-scale)); }
  .controls { display: grid; gap: 0.75em; padding: 0.75em 1em; border-radius: 0.75em; background: var(--fg-surface, #f3f5f8); }
  .explain { margin: 0.2em 0 0; color: var(--fg-muted, #555b66); max-width: 70ch; font-size: calc(0.95rem * var(--fg-chart-scale)); }
  .state { padding: 1.25em; border: 2px dashed var(--fg-border, #c9ced6); border-radius: 0.75em; font-size: calc(1.1rem * var(--fg-chart-scale)); }
  .state h2 { font-size: calc(1.3rem * var(--fg-chart-scale)); }
  progress { width: 100%; height: 1em; }
  .source { border-left: 4px solid var(--fg-border, #c9ced6); padding-left: 1em; font-size: calc(0.9rem * var(--fg-chart-scale)); }
  .source p { margin: 0.3em 0; }
  label { font-size: calc(1rem * var(--fg-chart-scale)); }
  input:focus-visible { outline: 3px solid var(--fg-accent, #0b57d0); outline-offset: 2px; }
`;
