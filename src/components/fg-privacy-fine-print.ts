import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * The fine print a privacy reviewer asks about, in plain words: what the browser itself sends
 * (not the page), and what protects a first visit on a host that sends no headers. The
 * measurements behind each sentence are in PRIVACY.md.
 */
@customElement('fg-privacy-fine-print')
export class FgPrivacyFinePrint extends LitElement {
  static override styles = css`
    :host { display: block; }
    details > summary { cursor: pointer; font-weight: 600; }
    ul { padding-left: 1.25rem; }
    li + li { margin-top: 0.4rem; }
  `;

  /** Whether this page is cross-origin isolated (the host, or the service worker, sent the headers). */
  @property({ type: Boolean, attribute: 'is-isolated' }) isIsolated = false;

  override render() {
    return html`
      <details>
        <summary>Fine print: what your browser sends by itself, and what protects a first visit</summary>
        <ul>
          <li>
            <strong>Your browser, not FaceGap, talks to Google.</strong> Chrome, Chromium and Edge ask
            their autofill service about any page with a text field, this one included (the name
            field). The question carries a signature of the form's structure, never what you type
            and never your face: FaceGap has no picture or face data in any field. Setting
            <code>autocomplete="off"</code> does not stop it (measured). The browser's sign-in and
            update services run whatever page is open. To see it: <code>chrome://net-export</code>.
            To stop it: turn off Autofill in the browser's settings.
          </li>
          <li>
            <strong>This page ${this.isIsolated ? 'is' : 'is not'} running with its full security headers.</strong>
            ${this.isIsolated
              ? 'The Content-Security-Policy binds the page and its workers: nothing can be sent to another site.'
              : 'On a host that sends no headers, the page is bound by the policy in its own HTML, and each FaceGap worker refuses, in its own code, any request to another site before it is sent. From your next visit the offline copy adds the headers.'}
          </li>
          <li>
            <strong>Camera:</strong> only this site may use it (Permissions-Policy); the microphone,
            location and screen capture are switched off, and no other site may show this page in a frame.
          </li>
        </ul>
      </details>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-privacy-fine-print': FgPrivacyFinePrint;
  }
}
