import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** Fired when the user dismisses a message. */
export class MessageDismissEvent extends Event {
  static readonly eventName = 'message-dismiss';
  constructor() {
    super(MessageDismissEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * A banner for an error or a notice. Errors are announced at once (role=alert), notices politely
 * (role=status). The icon and the heading carry the tone, so colour is never the only cue.
 *
 * @fires message-dismiss - the user pressed Dismiss
 * @slot - the message: what happened, what was kept, what to do next
 */
@customElement('fg-message')
export class FgMessage extends LitElement {
  static override styles = css`
    :host { display: block; }
    .banner {
      display: flex; gap: 0.75rem; align-items: flex-start;
      padding: 0.75rem 1rem; border-radius: 0.5rem;
      border: 1px solid var(--fg-border); border-left: 0.4rem solid var(--fg-oi-blue);
      background: var(--fg-surface); color: var(--fg-text);
    }
    :host([tone='error']) .banner { border-left-color: var(--fg-oi-vermillion); }
    .icon { font-weight: 700; flex: none; }
    .text { flex: 1; }
    strong { display: block; }
    button { font: inherit; flex: none; }
  `;

  /** `error`: something failed; `notice`: something to know. */
  @property({ reflect: true }) tone: 'error' | 'notice' = 'notice';
  /** A short heading before the message. */
  @property() heading = '';
  /** Whether a Dismiss button is shown. */
  @property({ type: Boolean }) dismissible = false;

  override render() {
    const isError = this.tone === 'error';
    return html`
      <div class="banner" role=${isError ? 'alert' : 'status'}>
        <span class="icon" aria-hidden="true">${isError ? '⚠' : 'ℹ'}</span>
        <div class="text">
          ${this.heading ? html`<strong>${this.heading}</strong>` : nothing}
          <slot></slot>
        </div>
        ${this.dismissible ? html`<button type="button" @click=${this._onDismiss}>Dismiss</button>` : nothing}
      </div>
    `;
  }

  private _onDismiss() {
    this.dispatchEvent(new MessageDismissEvent());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-message': FgMessage;
  }
  interface HTMLElementEventMap {
    'message-dismiss': MessageDismissEvent;
  }
}
