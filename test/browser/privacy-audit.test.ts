import { expect, waitUntil } from '@open-wc/testing';
import { NetworkAudit } from '../../src/privacy/network-audit';
import { collectResourceEntries } from '../../src/privacy/resource-entries';

describe('NetworkAudit', () => {
  it('records a real same-origin fetch under the page origin, with 0 requests to other origins', async () => {
    const audit = new NetworkAudit().start();
    const url = new URL(`/test/fixtures/sample2.jpg?audit=${Date.now()}`, location.href).href;
    const bytes = (await (await fetch(url)).arrayBuffer()).byteLength;
    await waitUntil(() => audit.requests.some((request) => request.url === url), 'the fetch is recorded');
    const summary = audit.summarize();
    const own = summary.origins.find((group) => group.origin === location.origin)!;
    expect(own.isLocal).to.equal(true);
    expect(own.urls).to.include(url);
    expect(own.requests).to.equal(audit.requests.filter((request) => request.url.startsWith(location.origin)).reduce((sum, request) => sum + request.count, 0));
    const record = audit.requests.find((request) => request.url === url)!;
    expect(record.initiatorType).to.equal('fetch');
    expect(record.transferSize).to.be.greaterThan(bytes - 1);
    expect(summary.otherOriginRequests).to.equal(0);
    audit.stop();
  });

  it('counts requests made before and after start once each, and keeps one entry for a URL requested again and again', async () => {
    const url = new URL(`/test/fixtures/sample2.jpg?repeat=${Date.now()}`, location.href).href;
    const load = () => fetch(url, { cache: 'no-store' }).then((response) => response.arrayBuffer());
    await load();
    // The first request is in the page's buffer when the audit starts; the others reach its observer.
    const audit = new NetworkAudit().start();
    for (let i = 0; i < 4; i++) await load();
    await waitUntil(() => audit.requests.find((request) => request.url === url)?.count === 5, 'five requests are counted', { timeout: 5000 });
    expect(audit.requests.filter((request) => request.url === url)).to.have.length(1);
    await new Promise((done) => setTimeout(done, 200));
    expect(audit.requests.find((request) => request.url === url)!.count).to.equal(5);
    audit.stop();
    expect(() => audit.start()).to.throw(/cannot be started again/);
  });

  it('includes requests a worker reports, once each', () => {
    const audit = new NetworkAudit();
    const worker = [{ url: `${location.origin}/models/faceres.bin`, initiatorType: 'fetch', transferSize: 10, encodedBodySize: 10, startTime: 5, context: 'vision worker' }];
    audit.addRecords(worker);
    audit.addRecords(worker);
    expect(audit.summarize().totalRequests).to.equal(1);
  });

  it('records a planted CSP violation', async () => {
    const audit = new NetworkAudit().start();
    // Test pages get no CSP from the test server; a policy added at run time is enforced from then on.
    const meta = Object.assign(document.createElement('meta'), { httpEquiv: 'Content-Security-Policy', content: "img-src 'self'" });
    document.head.append(meta);
    const img = document.createElement('img');
    img.alt = '';
    img.src = 'http://127.0.0.2:9/planted.png';
    document.body.append(img);
    await waitUntil(() => audit.violations.length > 0, 'the violation is recorded');
    const [violation] = audit.violations;
    expect(violation.blockedUri).to.equal('http://127.0.0.2:9/planted.png');
    expect(violation.directive).to.equal('img-src');
    expect(violation.context).to.equal('page');
    img.remove();
    audit.stop();
  });
});

describe('collectResourceEntries', () => {
  it('sees a worker\u2019s own fetches, which the page\u2019s resource timing does not', async () => {
    const source = `
      const url = new URL('/test/fixtures/sample3.jpg?worker=1', self.location.origin).href;
      fetch(url).then((r) => r.arrayBuffer()).then(() => postMessage(performance.getEntriesByType('resource').map((e) => e.name)));`;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    const names = await new Promise<string[]>((resolve) => worker.addEventListener('message', (event) => resolve(event.data)));
    worker.terminate();
    expect(names.some((name) => name.includes('sample3.jpg?worker=1'))).to.equal(true);
    expect(collectResourceEntries().some((record) => record.url.includes('sample3.jpg?worker=1'))).to.equal(false);
  });
});
