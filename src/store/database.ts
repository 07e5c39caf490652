/**
 * Opening, closing and deleting FaceGap's IndexedDB database, and the transaction helpers every
 * repository goes through, so each failure becomes a `StoreError` and each write is all or nothing.
 */
import { deleteDB, openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { createStoreError, toStoreError } from './errors';
import { CURRENT_DB_VERSION, DB_NAME, MIGRATIONS, runMigrations, type FaceGapDB, type Migration } from './schema';

/** How long to wait for other tabs to let go of the database before saying they block it. */
export const BLOCKED_GRACE_MS = 3000;

/**
 * Why another tab took this connection away: it deleted the database ("Forget everything" there, or
 * the browser's site settings), a newer FaceGap upgraded it, or the browser ended it abnormally.
 */
export type ClosedElsewhereReason = 'deleted' | 'upgraded' | 'terminated';

/** Options of `openStore`; the defaults are what the app uses, the rest is for tests. */
export interface OpenStoreOptions {
  /** Runs after this connection was closed because of another tab or the browser (`ClosedElsewhereReason`). */
  onClosedElsewhere?: (reason: ClosedElsewhereReason) => void;
  /** Database name; `facegap` unless a test isolates itself. */
  name?: string;
  /** Version to open; the current one unless a test builds an older database. */
  version?: number;
  migrations?: readonly Migration[];
  blockedGraceMs?: number;
}

type Db = IDBPDatabase<FaceGapDB>;
type Name = StoreNames<FaceGapDB>;

const OPEN_WHAT = "opening FaceGap's storage";

/**
 * Opens (creating or upgrading) the database. Rejects with a `StoreError`: `unavailable` without
 * IndexedDB, `version` when a newer FaceGap wrote it, `blocked` when another tab holds an older
 * connection past the grace period. `onClosedElsewhere` runs when another tab upgrades or deletes
 * the database, after this connection has been closed to let it.
 */
export function openFaceGapDatabase(options: OpenStoreOptions = {}, onClosedElsewhere: (reason: ClosedElsewhereReason) => void = () => {}): Promise<Db> {
  const { name = DB_NAME, version = CURRENT_DB_VERSION, migrations = MIGRATIONS, blockedGraceMs = BLOCKED_GRACE_MS } = options;
  if (typeof indexedDB === 'undefined' || indexedDB === null) return Promise.reject(createStoreError('unavailable', 'your data'));
  return new Promise<Db>((resolve, reject) => {
    let isSettled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (action: () => void) => {
      clearTimeout(timer);
      if (isSettled) return false;
      isSettled = true;
      action();
      return true;
    };
    let opening: Promise<Db>;
    try {
      opening = openDB<FaceGapDB>(name, version, {
        upgrade(db, oldVersion, newVersion, tx) {
          runMigrations(db, tx, oldVersion, newVersion ?? version, migrations);
        },
        blocked() {
          timer = setTimeout(() => settle(() => reject(createStoreError('blocked', OPEN_WHAT))), blockedGraceMs);
        },
        blocking(_current, blockedVersion, event) {
          (event.target as IDBDatabase).close();
          // A versionchange towards no version is a deletion; towards a number, an upgrade.
          onClosedElsewhere(blockedVersion === null ? 'deleted' : 'upgraded');
        },
        terminated: () => onClosedElsewhere('terminated'),
      });
    } catch (error) {
      reject(toStoreError(error, OPEN_WHAT, 'open'));
      return;
    }
    opening.then(
      // Opened after we gave up waiting: close it, the caller already has its error.
      (db) => void (settle(() => resolve(db)) || db.close()),
      (error: unknown) => void settle(() => reject(toStoreError(error, OPEN_WHAT, 'open'))),
    );
  });
}

/**
 * Deletes the database. Resolves `{ isComplete: false }` when another tab keeps it open past the
 * grace period: the browser then deletes it as soon as that tab lets go.
 */
export function deleteFaceGapDatabase(name = DB_NAME, blockedGraceMs = BLOCKED_GRACE_MS): Promise<{ isComplete: boolean }> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) return Promise.resolve({ isComplete: true });
  return new Promise((resolve, reject) => {
    let isSettled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (action: () => void) => {
      clearTimeout(timer);
      if (!isSettled) action();
      isSettled = true;
    };
    deleteDB(name, {
      blocked() {
        timer = setTimeout(() => settle(() => resolve({ isComplete: false })), blockedGraceMs);
      },
    }).then(
      () => settle(() => resolve({ isComplete: true })),
      (error: unknown) => settle(() => reject(toStoreError(error, 'forgetting everything'))),
    );
  });
}

/** An open database that may be closed under it (by `close`, forgetting, or another tab). */
export class Connection {
  private db: Db | undefined;

  constructor(db: Db) {
    this.db = db;
  }

  /** Whether the connection is still usable. */
  get isOpen(): boolean {
    return this.db !== undefined;
  }

  /** Marks the connection closed, closing the database if it is still open. */
  close(): void {
    this.db?.close();
    this.db = undefined;
  }

  /**
   * Runs `work` in one readwrite transaction over `stores`. Any failure, thrown by `work` or
   * raised when the transaction commits (quota is often reported only then), aborts the whole
   * transaction and rejects with a `StoreError` about `what`.
   */
  async write<const S extends readonly Name[], T>(
    stores: S,
    what: string,
    work: (tx: IDBPTransaction<FaceGapDB, S, 'readwrite'>) => Promise<T>,
  ): Promise<T> {
    const tx = this.begin(stores, 'readwrite', what);
    const done = tx.done;
    try {
      const result = await work(tx);
      await done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request, or finished: nothing left to undo.
      }
      await done.catch(() => undefined);
      throw toStoreError(error, what);
    }
  }

  /** Runs `work` in one readonly transaction; failures reject with a `StoreError` about `what`. */
  async read<const S extends readonly Name[], T>(
    stores: S,
    what: string,
    work: (tx: IDBPTransaction<FaceGapDB, S, 'readonly'>) => Promise<T>,
  ): Promise<T> {
    const tx = this.begin(stores, 'readonly', what);
    try {
      const result = await work(tx);
      await tx.done;
      return result;
    } catch (error) {
      await tx.done.catch(() => undefined);
      throw toStoreError(error, what);
    }
  }

  private begin<const S extends readonly Name[], M extends IDBTransactionMode>(stores: S, mode: M, what: string): IDBPTransaction<FaceGapDB, S, M> {
    if (this.db === undefined) throw createStoreError('closed', what);
    try {
      return this.db.transaction(stores, mode);
    } catch (error) {
      throw toStoreError(error, what);
    }
  }
}
