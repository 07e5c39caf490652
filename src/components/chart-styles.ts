/** Styles shared by the bias charts: sizes follow --fg-chart-scale, which presenter mode raises. */
import { css } from 'lit';

/** Chart typography, axes and focus rings. */
export const chartStyles = css`
  :host { display: block; color: var(--fg-text, #1a1a1a); font-size: calc(1rem * var(--fg-chart-scale, 1)); }
  figure { margin: 0; }
  figcaption { display: flex; justify-content: space-between; align-items: baseline; gap: 1em; flex-wrap: wrap; font-weight: 600; margin-bottom: 0.3em; }
  svg { display: block; width: 100%; height: auto; overflow: visible; font-family: inherit; }
  .axis line, .axis path { stroke: var(--fg-muted, #555b66); stroke-width: 1; }
  .grid { stroke: var(--fg-border, #c9ced6); stroke-width: 1; }
  .tick { font-size: 13px; fill: var(--fg-muted, #555b66); }
  .label { font-size: 14px; fill: var(--fg-text, #1a1a1a); }
  .axis-title { font-size: 14px; fill: var(--fg-text, #1a1a1a); font-weight: 600; }
  .threshold { stroke: var(--fg-text, #1a1a1a); stroke-width: 2.5; stroke-dasharray: 6 4; }
  .threshold-label { font-size: 14px; font-weight: 700; fill: var(--fg-text, #1a1a1a); }
  .empty { padding: 1em; border: 1px dashed var(--fg-border, #c9ced6); border-radius: 0.5em; color: var(--fg-muted, #555b66); }
  .note { font-size: 0.85em; color: var(--fg-muted, #555b66); margin: 0.3em 0 0; }
  :host([presenter]) .tick { font-size: 18px; }
  :host([presenter]) .label, :host([presenter]) .axis-title, :host([presenter]) .threshold-label { font-size: 20px; }
`;
