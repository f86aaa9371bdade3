// Makes the n-th SQL statement executed on a connection throw, to prove a multi-statement write is
// all-or-nothing. Works on every statement of the connection, ours and drizzle's, prepared before
// or after it is installed: it wraps the executing methods of better-sqlite3's Statement itself.
import type { SqliteDatabase } from '../../electron/core/db/open';

const executing = ['run', 'get', 'all', 'iterate'] as const;

export class InjectedFailure extends Error {}

type Executing = (typeof executing)[number];
type Statement = ReturnType<SqliteDatabase['prepare']>;

export function failStatement(sqlite: SqliteDatabase, failAt: number) {
  const prototype = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<Executing, (this: Statement, ...args: unknown[]) => unknown>;
  const originals = Object.fromEntries(executing.map((name) => [name, prototype[name]])) as Record<Executing, (this: Statement, ...args: unknown[]) => unknown>;
  let executed = 0;
  for (const name of executing) {
    prototype[name] = function (this: Statement, ...args: unknown[]) {
      // Other connections (a second database in the same test) run untouched.
      if (this.database === sqlite) {
        executed++;
        if (executed === failAt) throw new InjectedFailure(`injected failure at statement ${failAt}`);
      }
      return originals[name].apply(this, args);
    };
  }
  return {
    executed: () => executed,
    restore: () => {
      for (const name of executing) prototype[name] = originals[name];
    },
  };
}
