/**
 * Storage failures as values the user can read: what happened, what was kept, what to do next.
 * Every store method rejects with a `StoreError` and nothing else.
 */

/** Why a storage operation failed. */
export type StoreErrorKind =
  /** IndexedDB is missing or refused (private browsing, storage disabled, `indexedDB` undefined). */
  | 'unavailable'
  /** Another tab holds an older connection open, so the database cannot be upgraded or deleted. */
  | 'blocked'
  /** The device's storage is full. */
  | 'quota'
  /** A newer FaceGap stored data this version cannot read. */
  | 'version'
  /** This connection was closed (everything forgotten, or another tab upgraded FaceGap). */
  | 'closed'
  /** The record to change is not stored (deleted meanwhile, perhaps in another tab). */
  | 'not-found'
  /** The data given cannot be stored as it is; the message says why. */
  | 'invalid'
  /** Anything else the browser reported. */
  | 'unknown';

/** A storage failure with a message written for the person using FaceGap. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  /** Why it failed, for code that reacts differently per cause. */
  readonly kind: StoreErrorKind;

  constructor(kind: StoreErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

/** Shown when FaceGap runs on the in-memory store. */
export const NOT_KEPT_NOTICE = 'Nothing will be kept after you close this tab.';

/** The message of each kind; `what` names the thing being saved or read, e.g. "the pack UTKFace 600". */
export function describeStoreFailure(kind: StoreErrorKind, what: string): string {
  switch (kind) {
    case 'unavailable':
      return `This browser does not let FaceGap keep data on this device (private browsing, or site storage turned off), so ${what} could not be kept. FaceGap still works, but ${NOT_KEPT_NOTICE.toLowerCase()}`;
    case 'blocked':
      return `FaceGap is open in another tab that still uses its older storage, so ${what} could not finish. Nothing was changed. Close the other FaceGap tabs, then reload this one.`;
    case 'quota':
      return `The device's storage is full: ${what} was not saved. Everything saved before is still there. Free some space or delete a pack, then try again.`;
    case 'version':
      return `A newer version of FaceGap stored data on this device, which this version cannot read. Nothing was changed. Reload the page to get the newer version, or use "Forget everything" to start again.`;
    case 'closed':
      return `FaceGap's storage was closed (everything was forgotten, or FaceGap was updated in another tab): ${what} was not saved. Reload the page.`;
    case 'not-found':
      return `${capitalize(what)} is no longer stored (it may have been deleted in another tab). Nothing was changed.`;
    case 'invalid':
      return `${capitalize(what)} could not be stored as it is. Nothing was changed.`;
    case 'unknown':
      return `The browser's storage failed: ${what} was not saved. Everything saved before is still there. Try again; if it keeps failing, reload the page.`;
  }
}

/** A `StoreError` of `kind` with its standard message. */
export function createStoreError(kind: StoreErrorKind, what: string, cause?: unknown): StoreError {
  return new StoreError(kind, describeStoreFailure(kind, what), cause === undefined ? undefined : { cause });
}

/**
 * Maps whatever IndexedDB threw (a DOMException, usually) to a `StoreError`.
 * `phase` matters because the same DOMException name means different things while opening.
 */
export function toStoreError(error: unknown, what: string, phase: 'open' | 'use' = 'use'): StoreError {
  if (error instanceof StoreError) return error;
  switch (errorName(error)) {
    case 'QuotaExceededError':
      return createStoreError('quota', what, error);
    case 'VersionError':
      return createStoreError('version', what, error);
    case 'SecurityError':
      return createStoreError('unavailable', what, error);
    case 'InvalidStateError':
      // Firefox's private mode refuses the open with InvalidStateError; later, it means a closed connection.
      return createStoreError(phase === 'open' ? 'unavailable' : 'closed', what, error);
    case 'DataCloneError':
    case 'DataError':
    case 'ConstraintError':
      return createStoreError('invalid', what, error);
    default:
      return createStoreError('unknown', what, error);
  }
}

function errorName(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') return error.name;
  return undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
