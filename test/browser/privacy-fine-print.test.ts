import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/fg-privacy-fine-print';
import type { FgPrivacyFinePrint } from '../../src/components/fg-privacy-fine-print';

function text(el: FgPrivacyFinePrint): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
}

describe('fg-privacy-fine-print', () => {
  it('is accessible and says what the browser sends by itself, and that autocomplete=off does not stop it', async () => {
    const el = await fixture<FgPrivacyFinePrint>(html`<fg-privacy-fine-print></fg-privacy-fine-print>`);
    el.shadowRoot!.querySelector('details')!.open = true;
    await expect(el).to.be.accessible();
    expect(text(el)).to.contain('Your browser, not FaceGap, talks to Google.');
    expect(text(el)).to.contain('does not stop it (measured)');
    expect(text(el)).to.contain('chrome://net-export');
  });

  it('says which protection holds, isolated or not', async () => {
    const bare = await fixture<FgPrivacyFinePrint>(html`<fg-privacy-fine-print></fg-privacy-fine-print>`);
    expect(text(bare)).to.contain('This page is not running with its full security headers.');
    expect(text(bare)).to.contain('refuses, in its own code, any request to another site');
    const isolated = await fixture<FgPrivacyFinePrint>(html`<fg-privacy-fine-print is-isolated></fg-privacy-fine-print>`);
    expect(text(isolated)).to.contain('This page is running with its full security headers.');
  });
});
