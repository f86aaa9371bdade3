// Makes the n-th SQL statement executed on a connection throw, to prove a multi-statement write is
// all-or-nothing. Works on every statement, ours and drizzle's, because both go through prepare().
import type { SqliteDatabase } from '../../electron/core/db/open';

const executing = new Set(['run', 'get', 'all', 'iterate']);

export class InjectedFailure extends Error {}

export function failStatement(sqlite: SqliteDatabase, failAt: number) {
  const original = sqlite.prepare;
  let executed = 0;
  sqlite.prepare = function prepare(this: SqliteDatabase, source: string) {
    const statement = original.call(this, source);
    const proxy: typeof statement = new Proxy(statement, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (executing.has(String(property))) {
            executed++;
            if (executed === failAt) throw new InjectedFailure(`injected failure at statement ${failAt}`);
          }
          const result: unknown = Reflect.apply(value, target, args);
          // Chainable methods (pluck, raw, bind…) return the statement: keep handing out the proxy.
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  } as typeof sqlite.prepare;
  return {
    executed: () => executed,
    restore: () => {
      sqlite.prepare = original;
    },
  };
}
