/** fg-app's styles: a calm single column on phones, camera beside the meter on wide screens. */
import { css } from 'lit';

export const appStyles = css`
  :host { display: block; max-width: 76rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; color: var(--fg-text); }
  header h1 { margin: 0; font-size: 1.75rem; letter-spacing: -0.01em; }
  .pitch { margin: 0.25rem 0 1rem; color: var(--fg-muted); max-width: 48rem; }
  .notices { display: grid; gap: 0.5rem; margin-bottom: 1rem; }
  .notices:empty { display: none; }
  [role='tablist'] { display: flex; flex-wrap: wrap; gap: 0.25rem; border-bottom: 2px solid var(--fg-border); margin-bottom: 1.25rem; }
  [role='tab'] {
    font: inherit; padding: 0.6rem 1rem; border: none; background: none; color: var(--fg-muted); cursor: pointer;
    border-bottom: 3px solid transparent; margin-bottom: -2px;
  }
  [role='tab'][aria-selected='true'] { color: var(--fg-text); font-weight: 600; border-bottom-color: var(--fg-oi-blue); }
  [role='tab']:focus-visible { outline: 3px solid var(--fg-oi-blue); outline-offset: 2px; }
  .live { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); }
  @media (min-width: 60rem) { .live { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } }
  .side-column { display: grid; gap: 1.5rem; align-content: start; }
  .side-column > * { padding-bottom: 1.25rem; border-bottom: 1px solid var(--fg-border); }
  .placeholder { color: var(--fg-muted); }
`;
