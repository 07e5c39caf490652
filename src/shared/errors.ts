/**
 * Reading thrown values, shared by every layer (pure: no DOM, lit or idb), so a failure reads the
 * same wherever it is caught.
 */

/** The message of a thrown value: an Error's `message`, anything else as text. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether a thrown value is a cancellation: anything named `AbortError`. The name is checked rather
 * than `instanceof DOMException`, because aborts also arrive from other realms (a worker's
 * structured-cloned error, an iframe) and from code that throws a plain Error with that name, and
 * `AbortSignal.reason` is whatever the aborting caller passed. A `TimeoutError` is not an abort:
 * the caller did not ask to stop, so it is reported as a failure.
 */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError';
}
