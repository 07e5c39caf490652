/** Content-Security-Policy violations, recorded as plain data on the page or in a worker. */

/** One request or script the CSP blocked. */
export interface ViolationRecord {
  /** What was blocked: a URL, or `inline`/`eval`/`wasm-eval`. */
  blockedUri: string;
  /** The directive that blocked it, e.g. `connect-src`. */
  directive: string;
  /** Whether the policy blocked it (`enforce`) or only reported it (`report`). */
  disposition: string;
  /** Script that caused it, when the browser says. */
  sourceFile: string;
  /** Milliseconds since the context started. */
  time: number;
  /** Which context saw it: `page`, or a worker's name. */
  context: string;
}

/** Copies the fields of a `SecurityPolicyViolationEvent` into a `ViolationRecord`. */
export function toViolationRecord(event: SecurityPolicyViolationEvent, context: string): ViolationRecord {
  return {
    blockedUri: event.blockedURI || '(none)',
    directive: event.effectiveDirective || event.violatedDirective,
    disposition: event.disposition,
    sourceFile: event.sourceFile,
    time: event.timeStamp,
    context,
  };
}

/**
 * Starts recording violations seen by `target` (a document, or a worker's global scope) from now
 * on: the browser does not buffer them, so start as early as possible. Returns a function that
 * reads what was recorded so far, and one that stops recording.
 */
export function watchViolations(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  context = 'page',
  onViolation: (record: ViolationRecord) => void = () => {},
): { read: () => ViolationRecord[]; stop: () => void } {
  const records: ViolationRecord[] = [];
  const listener = (event: Event) => {
    const record = toViolationRecord(event as SecurityPolicyViolationEvent, context);
    records.push(record);
    onViolation(record);
  };
  target.addEventListener('securitypolicyviolation', listener);
  return { read: () => [...records], stop: () => target.removeEventListener('securitypolicyviolation', listener) };
}
