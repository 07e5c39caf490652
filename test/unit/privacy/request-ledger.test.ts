import { describe, expect, it } from 'vitest';
import { RequestLedger } from '../../../src/privacy/request-ledger';
import type { ResourceRecord } from '../../../src/privacy/resource-entries';

function request(url: string, startTime: number, context = 'page', transferSize = 100): ResourceRecord {
  return { url, initiatorType: 'script', transferSize, encodedBodySize: transferSize / 2, startTime, context };
}

const countAll = (ledger: RequestLedger) => ledger.requests.reduce((sum, tally) => sum + tally.count, 0);

describe('RequestLedger', () => {
  it('keeps one tally for a URL requested a thousand times, with every request counted and its bytes summed', () => {
    const ledger = new RequestLedger();
    for (let i = 0; i < 1000; i++) ledger.add(request('http://app.test/assets/all-pairs.worker.js', 10 + i));
    expect(ledger.requests).toEqual([{ ...request('http://app.test/assets/all-pairs.worker.js', 10), count: 1000, transferSize: 100_000, encodedBodySize: 50_000 }]);
    expect(countAll(ledger)).toBe(1000);
  });

  it('counts a request a worker reports again once, and a new one of the same URL again', () => {
    const ledger = new RequestLedger();
    const first = [request('http://app.test/models/faceres.bin', 5, 'vision worker')];
    expect(ledger.addOnce(first[0])).toBe(true);
    expect(ledger.addOnce({ ...first[0] })).toBe(false);
    expect(ledger.addOnce(request('http://app.test/models/faceres.bin', 900, 'vision worker'))).toBe(true);
    expect(ledger.requests.map((r) => [r.context, r.count])).toEqual([['vision worker', 2]]);
  });

  it('keeps contexts apart and lists tallies by their first request', () => {
    const ledger = new RequestLedger();
    ledger.add(request('http://app.test/b.js', 20));
    ledger.add(request('http://app.test/a.js', 30));
    ledger.addOnce(request('http://app.test/b.js', 1, 'vision worker'));
    ledger.add(request('http://app.test/b.js', 40));
    expect(ledger.requests.map((r) => `${r.context} ${r.url} x${r.count}`)).toEqual([
      'vision worker http://app.test/b.js x1',
      'page http://app.test/b.js x2',
      'page http://app.test/a.js x1',
    ]);
  });

  it('hands out copies: changing one does not change what it counted', () => {
    const ledger = new RequestLedger();
    ledger.add(request('http://app.test/a.js', 1));
    ledger.requests[0].count = 99;
    expect(countAll(ledger)).toBe(1);
  });
});
