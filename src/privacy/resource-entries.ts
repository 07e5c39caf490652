/**
 * Resource-timing records, read the same way on the page and in a worker. Pure apart from the
 * `Performance` it is handed, so the vision worker can call it and post the result to the page.
 */

/** One request as the browser's resource timing saw it: plain data, safe to post between threads. */
export interface ResourceRecord {
  /** The absolute URL requested. */
  url: string;
  /** How it was requested: `fetch`, `script`, `img`, `navigation`, `other`... */
  initiatorType: string;
  /** Bytes that crossed the network, headers included; 0 when served from a cache. */
  transferSize: number;
  /** Body bytes as sent (compressed). */
  encodedBodySize: number;
  /** Milliseconds since the context (page or worker) started. */
  startTime: number;
  /** Which context made it: `page`, or a worker's name such as `vision worker`. */
  context: string;
}

/** The parts of `Performance` this module reads, so tests can hand in a fake. */
export type TimingSource = Pick<Performance, 'getEntriesByType'>;

/** Turns one `PerformanceResourceTiming` (or navigation entry) into a `ResourceRecord`. */
export function toResourceRecord(entry: PerformanceEntry, context: string): ResourceRecord {
  const timing = entry as Partial<PerformanceResourceTiming>;
  return {
    url: entry.name,
    initiatorType: timing.initiatorType ?? entry.entryType,
    transferSize: timing.transferSize ?? 0,
    encodedBodySize: timing.encodedBodySize ?? 0,
    startTime: entry.startTime,
    context,
  };
}

/**
 * Every resource request this context (page or worker) made so far, from its resource-timing
 * buffer, plus the navigation entry on a page. A worker calls it with `context` set to its name.
 * Returns [] where resource timing is missing.
 */
export function collectResourceEntries(context = 'page', source: TimingSource | undefined = globalThis.performance): ResourceRecord[] {
  if (!source?.getEntriesByType) return [];
  const entries = [...source.getEntriesByType('navigation'), ...source.getEntriesByType('resource')];
  return entries.map((entry) => toResourceRecord(entry, context));
}
