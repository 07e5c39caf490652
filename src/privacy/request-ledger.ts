/**
 * The network audit's memory of requests: one tally per context and URL, so a long session that
 * starts the same worker script a thousand times keeps one entry for it, not a thousand (the audit
 * used to keep every request, and grew with every all-pairs worker a bias view started). Pure.
 */
import type { ResourceRecord } from './resource-entries';

/**
 * Requests to one URL from one context: the first one's record (its `startTime` and
 * `initiatorType`), with the bytes of all of them summed and how many there were.
 */
export interface TalliedRequest extends ResourceRecord {
  count: number;
}

/** Counts requests per context and URL. */
export class RequestLedger {
  private readonly tallies = new Map<string, TalliedRequest>();
  /**
   * Requests of contexts that report their whole resource-timing buffer every time they are asked
   * (workers), by context, URL and start time, so a report repeated counts once. A worker's buffer
   * is bounded (the browser keeps 250 entries by default), and so is this.
   */
  private readonly reported = new Set<string>();

  /** Counts a request that is seen once only (the page's own, from its PerformanceObserver). */
  add(record: ResourceRecord): void {
    const key = `${record.context}\u0000${record.url}`;
    const tally = this.tallies.get(key);
    if (!tally) {
      this.tallies.set(key, { ...record, count: 1 });
      return;
    }
    tally.count++;
    tally.transferSize += record.transferSize;
    tally.encodedBodySize += record.encodedBodySize;
  }

  /**
   * Counts a request that may be reported again (a worker's); returns false when one with the same
   * context, URL and start time was counted before.
   */
  addOnce(record: ResourceRecord): boolean {
    const key = `${record.context}\u0000${record.url}\u0000${record.startTime}`;
    if (this.reported.has(key)) return false;
    this.reported.add(key);
    this.add(record);
    return true;
  }

  /** One tally per context and URL, in the order of their first request. */
  get requests(): TalliedRequest[] {
    return [...this.tallies.values()].map((tally) => ({ ...tally })).sort((a, b) => a.startTime - b.startTime);
  }
}
