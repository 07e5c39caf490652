import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/fg-privacy-panel';
import type { FgPrivacyPanel } from '../../src/components/fg-privacy-panel';
import '../../src/components/fg-network-panel';
import type { FgNetworkPanel } from '../../src/components/fg-network-panel';
import '../../src/components/fg-storage-panel';
import { ForgetRequestEvent, type FgStoragePanel } from '../../src/components/fg-storage-panel';
import { decodePack, PACK_FORMAT_MARKER } from '../../src/datasets/pack';
import { toStoredPackInput } from '../../src/import/stored-pack';
import { createTemplate, EMBEDDING_LENGTH } from '../../src/matching/templates';
import { downloadStoredPack } from '../../src/privacy/export';
import { summarizeRequests } from '../../src/privacy/network-audit';
import { createMemoryStore } from '../../src/store';
import { createSyntheticPack } from '../fixtures/synthetic-pack';

const PAGE = location.origin;

describe('fg-network-panel', () => {
  it('reads 0 requests to other origins, is accessible, and lists origins', async () => {
    const summary = summarizeRequests([
      { url: `${PAGE}/a.js`, initiatorType: 'script', transferSize: 2000, encodedBodySize: 1900, startTime: 1, context: 'page' },
    ], PAGE);
    const el = await fixture<FgNetworkPanel>(html`<fg-network-panel .summary=${summary}></fg-network-panel>`);
    await expect(el).to.be.accessible();
    const badge = el.shadowRoot!.querySelector('.badge')!;
    expect(badge.textContent).to.contain('Requests to other origins: 0');
    expect(badge.classList.contains('is-ok')).to.equal(true);
    expect(el.shadowRoot!.querySelector(`tr[data-origin="${PAGE}"]`)?.textContent).to.contain('2.0 KB');
  });

  it('turns red and lists the URLs when another origin was asked', async () => {
    const summary = summarizeRequests([{ url: 'http://example.invalid/x.png', initiatorType: 'img', transferSize: 0, encodedBodySize: 0, startTime: 1, context: 'page' }], PAGE);
    const violations = [{ blockedUri: 'http://example.invalid/x.png', directive: 'img-src', disposition: 'enforce', sourceFile: '', time: 1200, context: 'page' }];
    const el = await fixture<FgNetworkPanel>(html`<fg-network-panel .summary=${summary} .violations=${violations}></fg-network-panel>`);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('.badge')!.classList.contains('is-bad')).to.equal(true);
    expect(el.shadowRoot!.querySelector('.other-origins')!.textContent).to.contain('http://example.invalid/x.png');
    expect(el.shadowRoot!.querySelector('.violations')!.textContent).to.contain('img-src');
  });
});

describe('fg-storage-panel', () => {
  it('says no face images are stored, is accessible, and asks twice before forget-request', async () => {
    const store = createMemoryStore();
    const el = await fixture<FgStoragePanel>(html`<fg-storage-panel .inventory=${await store.inventoryStorage()}></fg-storage-panel>`);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('.statement')!.textContent).to.contain('No face images are stored');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.forget')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const event = oneEvent(el, 'forget-request');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.confirm-forget')!.click();
    expect(await event).to.exist;
  });

  it('says how much was downloaded, once per file, and is kept for offline use', async () => {
    const caches = [
      { name: 'workbox-precache-v2-http://localhost/', entries: 12, bytes: 60_000 },
      { name: 'facegap-used-files-v1', entries: 9, bytes: 12_000_000 },
    ];
    const el = await fixture<FgStoragePanel>(html`<fg-storage-panel .inventory=${await createMemoryStore().inventoryStorage()} .caches=${caches}></fg-storage-panel>`);
    await expect(el).to.be.accessible();
    const downloaded = el.shadowRoot!.querySelector<HTMLElement>('.downloaded')!;
    expect(Number(downloaded.dataset.bytes)).to.equal(12_060_000);
    expect(downloaded.textContent).to.match(/FaceGap downloaded 12(\.1)? MB to this device, each file once, and keeps it for offline use: 60 KB of small app files, and 12(\.0)? MB of/);
  });
});

describe('fg-privacy-panel', () => {
  it('shows what it is handed, is accessible, and lets the storage panel\'s requests bubble up', async () => {
    const store = createMemoryStore();
    const made = createTemplate({ name: 'Ada', embeddings: [new Float32Array(EMBEDDING_LENGTH).fill(0.02)], modelSha256: 'abc' });
    if (!made.ok) throw new Error(made.problem);
    await store.people.add(made.template);
    const summary = summarizeRequests([
      { url: `${PAGE}/a.js?panel`, initiatorType: 'script', transferSize: 2000, encodedBodySize: 1900, startTime: 1, context: 'page' },
    ], PAGE);
    const el = await fixture<FgPrivacyPanel>(html`<fg-privacy-panel .summary=${summary} .inventory=${await store.inventoryStorage()}></fg-privacy-panel>`);
    const storage = el.shadowRoot!.querySelector('fg-storage-panel')!;
    await storage.updateComplete;
    await expect(el).to.be.accessible();
    expect(storage.shadowRoot!.querySelector('tr[data-stores="people"]')!.textContent).to.contain('1');
    expect(el.shadowRoot!.querySelector('fg-network-panel')!.summary?.origins[0].urls.some((url) => url.includes('?panel'))).to.equal(true);

    // A view: the request leaves the panel; nothing is deleted by it.
    const forget = oneEvent(el, 'forget-request');
    storage.dispatchEvent(new ForgetRequestEvent());
    expect(await forget).to.exist;
    expect(await store.people.list()).to.have.length(1);

    const report = { isComplete: true, database: null, deletedCaches: [], deletedDatabases: [], unregisteredScopes: [], problems: [], message: 'Deleted 1 person.' };
    el.wipeReport = report;
    el.busy = true;
    await el.updateComplete;
    await storage.updateComplete;
    expect(storage.wipeReport).to.equal(report);
    expect(storage.busy).to.equal(true);
  });
});

describe('downloadStoredPack (the one pack export, used by the pack manager and the Privacy tab)', () => {
  it('downloads an imported pack as a facegap-pack file FaceGap can import again', async () => {
    const pack = createSyntheticPack({ dim: EMBEDDING_LENGTH, name: 'Our team' });
    // Bit patterns a text round trip could lose: negative zero, the smallest subnormal and normal, a long mantissa
    // (within the norm a face model gives: packs with absurd norms are refused).
    pack.samples[0].embedding.set([-0, 1.4e-45, -1.1754942106924411e-38, Math.fround(123.456789)]);
    const store = createMemoryStore();
    await store.packs.put(toStoredPackInput('imported-team', pack));

    // Catch the download link's click instead of letting the browser save the file.
    const downloaded = new Promise<HTMLAnchorElement>((resolve) => {
      document.addEventListener('click', function onClick(event) {
        if (!(event.target instanceof HTMLAnchorElement) || !event.target.download) return;
        event.preventDefault();
        document.removeEventListener('click', onClick, true);
        resolve(event.target);
      }, true);
    });
    await downloadStoredPack(store, 'imported-team');
    const link = await downloaded;
    expect(link.download).to.equal('our-team.json');
    const text = await (await fetch(link.href)).text();
    expect(JSON.parse(text)).to.include({ format: PACK_FORMAT_MARKER, version: 1 });
    const decoded = decodePack(text, { modelSha256: pack.model.sha256, dim: EMBEDDING_LENGTH, scoreId: pack.score });
    const bitsOf = (embedding: Float32Array) => Array.from(new Uint32Array(embedding.buffer, embedding.byteOffset, embedding.length));
    expect(decoded.samples.map((s) => bitsOf(s.embedding))).to.deep.equal(pack.samples.map((s) => bitsOf(s.embedding)));
    expect(decoded.failures).to.deep.equal(pack.failures);
  });

  it('says so when the pack is gone', async () => {
    const error = await downloadStoredPack(createMemoryStore(), 'gone').then(() => null, (e: unknown) => e);
    expect((error as Error).message).to.equal('it is no longer on this device');
  });
});
