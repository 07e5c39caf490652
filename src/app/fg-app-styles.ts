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
  header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 1.5rem; }
  .pitch { flex: 1 1 30rem; }
  .presenter-toggle {
    font: inherit; padding: 0.45rem 0.9rem; border: 1px solid var(--fg-border); border-radius: 999px;
    background: var(--fg-surface); color: var(--fg-text); cursor: pointer; margin-bottom: 1rem;
  }
  .presenter-toggle:focus-visible { outline: 3px solid var(--fg-oi-blue); outline-offset: 2px; }
  /* Presenter view: one view per screen, light text on dark for a projector, body text >= 28 px. */
  :host([presenter]) {
    max-width: none; min-height: 100vh; box-sizing: border-box; padding: 0.5rem 1.5rem; font-size: 28px;
    background: #101214; --fg-text: #f4f5f7; --fg-muted: #d5d9df; --fg-border: #7d848e; --fg-surface: #23272d; --fg-bg: #101214;
    --fg-oi-blue: #56b4e9; --fg-warn: #f0c060; color: var(--fg-text);
  }
  :host([presenter]) .pitch, :host([presenter]) header h1 { display: none; }
  :host([presenter]) header { display: contents; }
  :host([presenter]) [role='tablist'] { margin-bottom: 0.5rem; }
  /* The tabs are the presenter's controls, not text for the room. */
  :host([presenter]) [role='tab'] { padding: 0.2rem 0.7rem; font-size: 0.8em; }
  :host([presenter]) .presenter-toggle { margin-bottom: 0.3rem; font-weight: 600; float: right; font-size: 0.7em; }
  /* Live on a projector: the picture and the meter; enrolling, people and the engine stay on the page.
     The meter's small print is 28 px too; the picture leaves room below it for its quality line. */
  :host([presenter]) .side-column > :not(fg-match-meter) { display: none; }
  :host([presenter]) fg-match-meter { font-size: 28px; --fg-meter-small: 1em; }
  :host([presenter]) .live { grid-template-columns: minmax(0, calc((100vh - 300px) * 4 / 3)) minmax(0, 1fr); }
  /* The join code is read from the back of the room too: its hint is 0.75 of this, 28.5 px. */
  :host([presenter]) .fg-classroom-bar { --fg-join-font: 38px; --fg-join-size: 7.5rem; padding: 0.2rem 0.5rem; gap: 1rem; }
  /* The room's tables need the whole screen: the join code comes back on the other Room pages. */
  :host([presenter]) .fg-classroom-bar:has(~ #panel-room fg-room-view:is([data-page='missed'], [data-page='strangers'])) { display: none; }
  .fg-classroom-bar { display: flex; flex-wrap: wrap; gap: 2rem; align-items: center; justify-content: space-between; padding: 0.75rem 1.5rem; --fg-join-size: 9rem; --fg-join-font: 1.6rem; }
  .fg-classroom-actions { display: flex; gap: 1rem; }
  .fg-classroom-actions button { font: inherit; font-size: 1.3rem; padding: 0.4em 1em; border: 2px solid #000; border-radius: 0.4em; background: #fff; color: #000; cursor: pointer; }
  .fg-presenter-layout { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 2rem; }
  .fg-presenter-layout > * { min-width: 0; }
  @media (max-width: 1500px) { .fg-presenter-layout { grid-template-columns: minmax(0, 1fr); } }
`;
