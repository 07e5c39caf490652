/** The lesson's look: readable from the back of a room at 1280x720 and 1920x1080 (body text >= 28 px). */
import { css } from 'lit';

export const lessonStyles = css`
  :host {
    display: grid; grid-template-rows: auto 1fr auto; gap: 0.6em; box-sizing: border-box; height: 100vh; padding: 1.2rem 2rem;
    background: #fff; color: #000; font-size: max(28px, 2.1vw); line-height: 1.3; position: fixed; inset: 0; z-index: 10; overflow: hidden;
  }
  h2 { margin: 0; font-size: 1.55em; line-height: 1.1; }
  .idea { margin: 0.2em 0 0; max-width: 52ch; }
  .figure { display: grid; align-content: start; gap: 0.4em; min-height: 0; overflow: hidden; }
  .big { font-size: 2em; font-weight: 700; margin: 0; line-height: 1.1; }
  .row { display: flex; gap: 1.2em; flex-wrap: wrap; align-items: baseline; }
  table { border-collapse: collapse; font-size: 0.85em; }
  th, td { text-align: left; padding: 0.1em 0.8em 0.1em 0; border-bottom: 1px solid #555; }
  td.num { font-variant-numeric: tabular-nums; }
  .muted { color: #222; font-size: 0.8em; margin: 0; }
  cite { font-style: normal; font-size: 0.75em; display: block; }
  ol { margin: 0; padding-left: 1.3em; }
  ol li { margin: 0.1em 0; }
  .match { color: #0a5c2c; } .nomatch { color: #9c2a00; }
  footer { display: flex; gap: 0.8em; align-items: center; font-size: 0.75em; flex-wrap: wrap; }
  footer .progress { margin-right: auto; }
  button { font: inherit; font-size: 0.9em; padding: 0.2em 0.8em; border: 2px solid #000; border-radius: 0.4em; background: #fff; color: #000; cursor: pointer; }
  button:focus-visible { outline: 4px solid #0b57d0; outline-offset: 2px; }
  .notes { border-left: 6px solid #0b57d0; padding: 0.2em 0.8em; font-size: 0.8em; background: #eef3fd; margin: 0; }
  fg-join-code { --fg-join-size: min(34vh, 15em); --fg-join-font: 1.35em; }
`;
