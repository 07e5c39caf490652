import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatBytes, formatCount } from '../privacy/format';
import type { NetworkSummary } from '../privacy/network-audit';
import type { ViolationRecord } from '../privacy/violations';

/**
 * What FaceGap asked the network for, as the browser recorded it: requests grouped by origin with
 * counts and bytes, a badge counting requests to any other origin (it must read 0), and every
 * request the Content-Security-Policy blocked, listed as it happens.
 */
@customElement('fg-network-panel')
export class FgNetworkPanel extends LitElement {
  static override styles = css`
    :host { display: block; }
    .badge {
      display: inline-block; padding: 0.3rem 0.7rem; border-radius: 1rem; font-weight: 700;
      border: 2px solid var(--fg-oi-bluish-green, #009e73); color: var(--fg-text, inherit);
    }
    .badge.is-bad { border-color: var(--fg-oi-vermillion, #d55e00); background: var(--fg-surface, transparent); }
    table { border-collapse: collapse; width: 100%; margin-block: 0.75rem; }
    th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--fg-border, #ccc); }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
    code { overflow-wrap: anywhere; }
    ul { padding-left: 1.25rem; }
  `;

  /** The requests grouped by origin; null until the audit has run. */
  @property({ attribute: false }) summary: NetworkSummary | null = null;
  /** Requests the CSP blocked, oldest first. */
  @property({ attribute: false }) violations: ViolationRecord[] = [];

  override render() {
    const summary = this.summary;
    if (!summary) return html`<p>The network audit has not started.</p>`;
    const isClean = summary.otherOriginRequests === 0;
    const reached = summary.otherOriginRequests - summary.otherOriginBlocked;
    return html`
      <p>
        <span class="badge ${isClean ? 'is-ok' : 'is-bad'}" role="status" data-other-origin-requests=${summary.otherOriginRequests}
          data-other-origin-blocked=${summary.otherOriginBlocked}>
          ${isClean ? '✓' : '⚠'} Requests to other origins: ${summary.otherOriginRequests}
        </span>
      </p>
      ${isClean ? nothing : html`
        <p>These requests were made to another origin than <code>${summary.pageOrigin}</code>:
          ${summary.otherOriginBlocked} blocked by the Content-Security-Policy before leaving the page, ${reached} reached the network.</p>
        <ul class="other-origins">${summary.otherOriginUrls.map((url) => html`<li><code>${url}</code></li>`)}</ul>`}
      <table>
        <caption>${formatCount(summary.totalRequests, 'request')} since this page opened, ${formatBytes(summary.totalTransferBytes)} over the network</caption>
        <thead><tr><th scope="col">Origin</th><th scope="col" class="number">Requests</th><th scope="col" class="number">Transferred</th></tr></thead>
        <tbody>
          ${summary.origins.map((group) => html`
            <tr data-origin=${group.origin}>
              <th scope="row"><code>${group.origin}</code>${group.origin === summary.pageOrigin ? ' (this app)' : nothing}</th>
              <td class="number">${group.requests}</td>
              <td class="number">${formatBytes(group.transferBytes)}</td>
            </tr>`)}
        </tbody>
      </table>
      <p>“Transferred” is 0 for files served from the offline copy on this device.</p>
      <h3>Blocked by the security policy</h3>
      <div aria-live="polite">
        ${this.violations.length === 0
          ? html`<p class="violations-empty">Nothing so far.</p>`
          : html`<ul class="violations">${this.violations.map((violation) => html`
              <li><code>${violation.blockedUri}</code>, blocked by <code>${violation.directive}</code>
                at ${(violation.time / 1000).toFixed(1)} s${violation.context === 'page' ? nothing : ` (in the ${violation.context})`}</li>`)}</ul>`}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-network-panel': FgNetworkPanel;
  }
}
