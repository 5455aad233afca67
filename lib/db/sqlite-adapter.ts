import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/**
 * The SQLite connection as Dossier uses it: one better-sqlite3 connection per process, in WAL mode.
 *
 * Prisma's better-sqlite3 adapter serialises interactive transactions with a mutex, but a query
 * outside a transaction does not wait for it: it runs on the same connection, inside whatever
 * transaction another request has open. A save made that way is acknowledged, then undone when
 * that other transaction rolls back, or lost when the process dies before its COMMIT
 * (tests/integration/transactions.test.ts shows it). This wrapper makes every query outside a
 * transaction wait until no transaction is open, and lets one transaction in at a time.
 *
 * Pragmas, set on every connection:
 *  - journal_mode=WAL: readers (a second app instance, a script) don't block the writer or wait
 *    for it; persistent in the file.
 *  - synchronous=FULL: each commit is synced to disk before it returns, so an acknowledged answer
 *    survives a power cut, not only a killed process (NORMAL would survive a killed process but
 *    could lose the last commits on an OS crash).
 *  - busy_timeout: better-sqlite3's `timeout` (5 s by default) already sets it; another process
 *    holding the write lock is waited for rather than failing at once.
 */
export const SQLITE_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";

/** Resolves waiters in order; holds at most one transaction at a time. */
class Gate {
  #open: Promise<void> | null = null;

  /** Returns once no transaction is open. */
  async idle(): Promise<void> {
    while (this.#open) await this.#open;
  }

  /** Waits for the gate, then holds it until the returned function is called (idempotent). */
  async enter(): Promise<() => void> {
    await this.idle();
    let done!: () => void;
    const open = new Promise<void>((resolve) => (done = resolve));
    this.#open = open;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (this.#open === open) this.#open = null;
      done();
    };
  }
}

function gatedTransaction(tx: Transaction, release: () => void): Transaction {
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q: SqlQuery) => tx.queryRaw(q),
    executeRaw: (q: SqlQuery) => tx.executeRaw(q),
    commit: () => tx.commit().finally(release),
    rollback: () => tx.rollback().finally(release),
    ...(tx.createSavepoint && { createSavepoint: (name: string) => tx.createSavepoint!(name) }),
    ...(tx.rollbackToSavepoint && { rollbackToSavepoint: (name: string) => tx.rollbackToSavepoint!(name) }),
    ...(tx.releaseSavepoint && { releaseSavepoint: (name: string) => tx.releaseSavepoint!(name) }),
  };
}

function gatedAdapter(inner: SqlDriverAdapter): SqlDriverAdapter {
  const gate = new Gate();
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async queryRaw(q) {
      await gate.idle();
      return inner.queryRaw(q);
    },
    async executeRaw(q) {
      await gate.idle();
      return inner.executeRaw(q);
    },
    async executeScript(script) {
      await gate.idle();
      return inner.executeScript(script);
    },
    async startTransaction(isolationLevel?: IsolationLevel) {
      const release = await gate.enter();
      try {
        return gatedTransaction(await inner.startTransaction(isolationLevel), release);
      } catch (e) {
        release();
        throw e;
      }
    },
    ...(inner.getConnectionInfo && { getConnectionInfo: () => inner.getConnectionInfo!() }),
    async dispose() {
      await gate.idle();
      return inner.dispose();
    },
  };
}

/** Wraps a better-sqlite3 adapter factory: WAL and the pragmas above, and the gate. */
export function serialisedSqlite(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const inner = await factory.connect();
      await inner.executeScript(SQLITE_PRAGMAS);
      return gatedAdapter(inner);
    },
  };
}
