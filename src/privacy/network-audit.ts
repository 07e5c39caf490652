/**
 * The network audit: every request the page (and any worker that reports in) made, grouped by
 * origin, and every request the Content-Security-Policy blocked. It reads the browser's own
 * records (resource timing, `securitypolicyviolation` events), so it shows what happened, not
 * what the code meant to do.
 */
import { RequestLedger, type TalliedRequest } from './request-ledger';
import { collectResourceEntries, toResourceRecord, type ResourceRecord } from './resource-entries';
import { watchViolations, type ViolationRecord } from './violations';

/** How many resource-timing entries the page keeps (the browser's default of 250 is too few). */
export const RESOURCE_TIMING_BUFFER_ENTRIES = 5000;

/** Requests to one origin. */
export interface OriginGroup {
  /** `https://host:port`, or the scheme (`data:`, `blob:`) for URLs that name no server. */
  origin: string;
  /** Whether this is the page's own origin or in-page data that reached no server. */
  isLocal: boolean;
  requests: number;
  /** Sum of `transferSize`: bytes that crossed the network (0 when served from a cache). */
  transferBytes: number;
  /** Each URL requested, once, in the order first seen. */
  urls: string[];
}

/** What the page's requests add up to. */
export interface NetworkSummary {
  pageOrigin: string;
  totalRequests: number;
  totalTransferBytes: number;
  /** Origins in order: the page's own first, then the others by request count. */
  origins: OriginGroup[];
  /** Requests to any origin other than the page's, with their URLs: must be 0. */
  otherOriginRequests: number;
  otherOriginUrls: string[];
  /**
   * Of those, the ones the CSP blocked before they reached the network (Chromium still writes a
   * resource-timing entry for them): a blocked URL matches an enforced violation's `blockedUri`.
   */
  otherOriginBlocked: number;
}

/** The scheme or origin a URL is grouped under, and whether it stays on this device or origin. */
export function classifyUrl(url: string, pageOrigin: string): { origin: string; isLocal: boolean } {
  let parsed: URL;
  try {
    parsed = new URL(url, pageOrigin);
  } catch {
    return { origin: '(unparsable URL)', isLocal: false };
  }
  // data: holds its bytes in the URL itself; a blob: URL names memory of the origin that made it.
  if (parsed.protocol === 'data:') return { origin: 'data:', isLocal: true };
  if (parsed.protocol === 'blob:') {
    const origin = new URL(parsed.pathname).origin;
    return { origin: `blob: (${origin})`, isLocal: origin === pageOrigin };
  }
  return { origin: parsed.origin, isLocal: parsed.origin === pageOrigin };
}

/**
 * Groups requests by origin and counts those to other origins. A record with a `count` (a
 * {@link TalliedRequest}) stands for that many requests to its URL, its bytes summed. Pure; an empty
 * list gives zero requests and no origins.
 */
export function summarizeRequests(records: readonly (ResourceRecord | TalliedRequest)[], pageOrigin: string, violations: readonly ViolationRecord[] = []): NetworkSummary {
  const blockedUris = new Set(violations.filter((violation) => violation.disposition !== 'report').map((violation) => violation.blockedUri));
  const groups = new Map<string, OriginGroup>();
  for (const record of records) {
    const { origin, isLocal } = classifyUrl(record.url, pageOrigin);
    let group = groups.get(origin);
    if (!group) groups.set(origin, (group = { origin, isLocal, requests: 0, transferBytes: 0, urls: [] }));
    group.requests += countOf(record);
    group.transferBytes += record.transferSize;
    if (!group.urls.includes(record.url)) group.urls.push(record.url);
  }
  const origins = [...groups.values()].sort(
    (a, b) => Number(b.origin === pageOrigin) - Number(a.origin === pageOrigin) || b.requests - a.requests || a.origin.localeCompare(b.origin),
  );
  const others = origins.filter((group) => !group.isLocal);
  return {
    pageOrigin,
    totalRequests: records.reduce((sum, record) => sum + countOf(record), 0),
    totalTransferBytes: records.reduce((sum, record) => sum + record.transferSize, 0),
    origins,
    otherOriginRequests: others.reduce((sum, group) => sum + group.requests, 0),
    otherOriginUrls: others.flatMap((group) => group.urls),
    otherOriginBlocked: records.reduce((sum, record) => (!classifyUrl(record.url, pageOrigin).isLocal && blockedUris.has(record.url) ? sum + countOf(record) : sum), 0),
  };
}

const countOf = (record: ResourceRecord | TalliedRequest) => ('count' in record ? record.count : 1);

/** Fired by `NetworkAudit` whenever a request or violation is recorded. */
export class NetworkAuditChangeEvent extends Event {
  static readonly eventName = 'network-audit-change';
  constructor() {
    super(NetworkAuditChangeEvent.eventName);
  }
}

/**
 * Watches the page's requests and CSP violations from `start()` until `stop()`. Requests made
 * before `start()` are included (resource timing is buffered); violations are not buffered by
 * browsers, so start it first thing in `main.ts`. Workers report their own requests through
 * `addRecords` (see `collectResourceEntries`). Requests are kept as one tally per context and URL
 * (src/privacy/request-ledger.ts), so the audit does not grow with repeated requests.
 */
export class NetworkAudit extends EventTarget {
  private readonly ledger = new RequestLedger();
  private readonly violationRecords = new Map<string, ViolationRecord>();
  private observer: PerformanceObserver | null = null;
  private stopViolations: (() => void) | null = null;
  private hasStopped = false;

  constructor(readonly pageOrigin: string = globalThis.location?.origin ?? '') {
    super();
  }

  /**
   * Starts watching; calling it again does nothing. The page's requests so far are read from the
   * buffer, later ones from an observer that is not handed the buffer again: both happen in this
   * one task, so each request is counted exactly once, without remembering every one of them.
   */
  start(): this {
    if (this.observer) return this;
    // Started again, the buffer's requests would count twice.
    if (this.hasStopped) throw new Error('A stopped network audit cannot be started again; start a new one.');
    performance.setResourceTimingBufferSize?.(RESOURCE_TIMING_BUFFER_ENTRIES);
    this.addPageRecords(collectResourceEntries('page'));
    this.observer = new PerformanceObserver((list) => this.addPageRecords(list.getEntries().map((entry) => toResourceRecord(entry, 'page'))));
    this.observer.observe({ type: 'resource' });
    const watcher = watchViolations(document, 'page', (record) => this.addViolations([record]));
    this.stopViolations = watcher.stop;
    return this;
  }

  /** Stops watching for good; what was recorded stays readable. */
  stop(): void {
    if (this.observer) this.hasStopped = true;
    this.observer?.disconnect();
    this.observer = null;
    this.stopViolations?.();
    this.stopViolations = null;
  }

  /**
   * Adds requests seen elsewhere (a worker's own resource timing, which it reports whole each
   * time); a record seen twice counts once.
   */
  addRecords(records: readonly ResourceRecord[]): void {
    let added = false;
    for (const record of records) added = this.ledger.addOnce(record) || added;
    if (added) this.changed();
  }

  /** Adds violations (the page's, or those a worker saw in its own scope); one seen twice counts once. */
  addViolations(records: readonly ViolationRecord[]): void {
    let added = false;
    for (const record of records) {
      const key = `${record.context}\u0000${record.time}\u0000${record.directive}\u0000${record.blockedUri}`;
      if (this.violationRecords.has(key)) continue;
      this.violationRecords.set(key, record);
      added = true;
    }
    if (added) this.changed();
  }

  /** Every URL requested so far, per context, with how many times: oldest first. */
  get requests(): TalliedRequest[] {
    return this.ledger.requests;
  }

  /** Every CSP violation recorded so far, oldest first. */
  get violations(): ViolationRecord[] {
    return [...this.violationRecords.values()].sort((a, b) => a.time - b.time);
  }

  /** The requests grouped by origin. */
  summarize(): NetworkSummary {
    return summarizeRequests(this.requests, this.pageOrigin, this.violations);
  }

  /** The page's own requests, each delivered once (the buffer at start, then the observer). */
  private addPageRecords(records: readonly ResourceRecord[]): void {
    for (const record of records) this.ledger.add(record);
    if (records.length > 0) this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new NetworkAuditChangeEvent());
  }
}
