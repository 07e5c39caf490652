import { describe, expect, it } from 'vitest';
import { classifyUrl, summarizeRequests } from '../../../src/privacy/network-audit';
import type { ViolationRecord } from '../../../src/privacy/violations';
import { collectResourceEntries, type ResourceRecord } from '../../../src/privacy/resource-entries';

const PAGE = 'http://127.0.0.1:4173';

function record(url: string, transferSize = 100, context = 'page'): ResourceRecord {
  return { url, initiatorType: 'fetch', transferSize, encodedBodySize: transferSize, startTime: 1, context };
}

describe('classifyUrl', () => {
  it.each([
    [`${PAGE}/models/faceres.bin`, PAGE, true],
    ['/assets/index.js', PAGE, true],
    ['data:image/png;base64,AAAA', 'data:', true],
    [`blob:${PAGE}/0b4f-11`, `blob: (${PAGE})`, true],
    ['blob:https://evil.example/1', 'blob: (https://evil.example)', false],
    ['https://cdn.jsdelivr.net/npm/x', 'https://cdn.jsdelivr.net', false],
    ['http://127.0.0.1:9999/x', 'http://127.0.0.1:9999', false],
  ])('%s -> %s (local: %s)', (url, origin, isLocal) => {
    expect(classifyUrl(url, PAGE)).toEqual({ origin, isLocal });
  });
});

describe('summarizeRequests', () => {
  it('gives zeros for no requests', () => {
    expect(summarizeRequests([], PAGE)).toEqual({
      pageOrigin: PAGE, totalRequests: 0, totalTransferBytes: 0, origins: [], otherOriginRequests: 0, otherOriginUrls: [], otherOriginBlocked: 0,
    });
  });

  it('tells requests the CSP blocked from ones that reached the network', () => {
    const record = (url: string) => ({ url, initiatorType: 'img', transferSize: 0, encodedBodySize: 0, startTime: 1, context: 'page' });
    const violation = (blockedUri: string, disposition: 'enforce' | 'report') =>
      ({ blockedUri, directive: 'img-src', disposition, sourceFile: '', time: 1, context: 'page' }) as unknown as ViolationRecord;
    const summary = summarizeRequests(
      [record('http://example.invalid/a.png'), record('http://example.invalid/b.png'), record('http://other.invalid/c.png'), record(`${PAGE}/x.png`)],
      PAGE,
      [violation('http://example.invalid/a.png', 'enforce'), violation('http://other.invalid/c.png', 'report')],
    );
    expect(summary.otherOriginRequests).toBe(3);
    expect(summary.otherOriginBlocked).toBe(1);
  });

  it('groups by origin, page first, and counts other origins', () => {
    const summary = summarizeRequests([
      record('https://cdn.example/a.js', 10),
      record(`${PAGE}/`, 1000),
      record(`${PAGE}/models/faceres.bin`, 0, 'vision worker'),
      record('https://cdn.example/a.js', 10),
      record(`${PAGE}/assets/app.js`, 500),
      record('data:,', 0),
    ], PAGE);
    expect(summary.origins.map((group) => [group.origin, group.requests, group.transferBytes])).toEqual([
      [PAGE, 3, 1500],
      ['https://cdn.example', 2, 20],
      ['data:', 1, 0],
    ]);
    expect(summary.totalRequests).toBe(6);
    expect(summary.totalTransferBytes).toBe(1520);
    expect(summary.otherOriginRequests).toBe(2);
    expect(summary.otherOriginUrls).toEqual(['https://cdn.example/a.js']);
  });

  it('counts a tallied request as its count, blocked ones included', () => {
    const blocked = { blockedUri: 'https://cdn.example/a.js', directive: 'script-src', disposition: 'enforce', sourceFile: '', time: 1, context: 'page' } as unknown as ViolationRecord;
    const summary = summarizeRequests([
      { ...record(`${PAGE}/assets/all-pairs.worker.js`, 300), count: 3 },
      { ...record('https://cdn.example/a.js', 0), count: 2 },
      record(`${PAGE}/`, 1000),
    ], PAGE, [blocked]);
    expect(summary.origins.map((group) => [group.origin, group.requests, group.transferBytes, group.urls.length])).toEqual([
      [PAGE, 4, 1300, 2],
      ['https://cdn.example', 2, 0, 1],
    ]);
    expect(summary.totalRequests).toBe(6);
    expect(summary.otherOriginRequests).toBe(2);
    expect(summary.otherOriginBlocked).toBe(2);
  });
});

describe('collectResourceEntries', () => {
  it('reads navigation and resource entries and names the context', () => {
    const entries: Record<string, Partial<PerformanceResourceTiming>[]> = {
      navigation: [{ name: `${PAGE}/`, entryType: 'navigation', initiatorType: 'navigation', transferSize: 900, encodedBodySize: 600, startTime: 0 }],
      resource: [{ name: `${PAGE}/models/x.bin`, entryType: 'resource', initiatorType: 'fetch', transferSize: 5, encodedBodySize: 4, startTime: 12 }],
    };
    const source = { getEntriesByType: (type: string) => (entries[type] ?? []) as PerformanceEntry[] };
    expect(collectResourceEntries('vision worker', source as Performance)).toEqual([
      { url: `${PAGE}/`, initiatorType: 'navigation', transferSize: 900, encodedBodySize: 600, startTime: 0, context: 'vision worker' },
      { url: `${PAGE}/models/x.bin`, initiatorType: 'fetch', transferSize: 5, encodedBodySize: 4, startTime: 12, context: 'vision worker' },
    ]);
  });

  it('returns [] without resource timing', () => {
    expect(collectResourceEntries('page', undefined)).toEqual([]);
  });
});
