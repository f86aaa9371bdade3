// Statements prepared once per database handle and kept: building and preparing a query (SQL text,
// parse, plan) costs more than running a small one, and the write paths run the same few on every
// call. Keyed by the handle, so a closed and reopened database prepares its own.
import type { Db } from '.';

/** `prepare(db)` runs on the first call for a handle; later calls return what it built. */
export function preparedPerDb<T>(prepare: (db: Db) => T): (db: Db) => T {
  const byDb = new WeakMap<Db, T>();
  return (db) => {
    let statements = byDb.get(db);
    if (statements === undefined) {
      statements = prepare(db);
      byDb.set(db, statements);
    }
    return statements;
  };
}
