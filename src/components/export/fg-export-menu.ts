import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { downloadBlob, slugify } from './download';
import { renderSvgToPng, serializeSvg } from './svg-export';

/**
 * Buttons that save a chart as SVG or PNG, or a table as CSV. The owner passes getters, so the
 * file is made from what is on screen at the moment of the click.
 */
@customElement('fg-export-menu')
export class FgExportMenu extends LitElement {
  static override styles = css`
    :host { display: inline-flex; gap: 0.4em; flex-wrap: wrap; font-size: 0.85em; }
    button {
      font: inherit; padding: 0.25em 0.7em; border-radius: 0.4em; cursor: pointer;
      border: 1px solid var(--fg-border, #c9ced6); background: var(--fg-bg, #fff); color: var(--fg-text, #1a1a1a);
    }
    button:focus-visible { outline: 3px solid var(--fg-accent, #0b57d0); outline-offset: 2px; }
    .error { color: var(--fg-bad, #b3261e); }
  `;

  /** What is being saved, used for the file name and the SVG's title, e.g. "False-match rate by group". */
  @property() override title = 'FaceGap chart';
  /** Returns the chart's SVG; without it no SVG/PNG buttons are shown. */
  @property({ attribute: false }) getSvg: (() => SVGSVGElement | null) | null = null;
  /** Returns the table as CSV text; without it no CSV button is shown. */
  @property({ attribute: false }) getCsv: (() => string) | null = null;

  @state() private _error = '';

  override render() {
    const name = this.title;
    return html`
      ${this.getSvg ? html`
        <button type="button" @click=${this._onSvg} aria-label=${`Save ${name} as SVG`}>SVG</button>
        <button type="button" @click=${this._onPng} aria-label=${`Save ${name} as PNG`}>PNG</button>` : nothing}
      ${this.getCsv ? html`<button type="button" @click=${this._onCsv} aria-label=${`Save ${name} as CSV`}>CSV</button>` : nothing}
      ${this._error ? html`<span class="error" role="alert">${this._error}</span>` : nothing}
    `;
  }

  private _currentSvg(): { svg: SVGSVGElement; text: string } | null {
    const svg = this.getSvg?.() ?? null;
    if (!svg) {
      this._error = 'There is no chart on screen to save yet.';
      return null;
    }
    this._error = '';
    return { svg, text: serializeSvg(svg, this.title) };
  }

  private _onSvg(): void {
    const current = this._currentSvg();
    if (current) downloadBlob(new Blob([current.text], { type: 'image/svg+xml' }), `${slugify(this.title)}.svg`);
  }

  private async _onPng(): Promise<void> {
    const current = this._currentSvg();
    if (!current) return;
    const box = current.svg.getBoundingClientRect();
    try {
      downloadBlob(await renderSvgToPng(current.text, box.width || 800, box.height || 400), `${slugify(this.title)}.png`);
    } catch (error) {
      this._error = `${(error as Error).message} The SVG button still works.`;
    }
  }

  private _onCsv(): void {
    if (this.getCsv) downloadBlob(new Blob([this.getCsv()], { type: 'text/csv' }), `${slugify(this.title)}.csv`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-export-menu': FgExportMenu;
  }
}
