import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/**
 * A driver adapter factory that reports every SQL statement Prisma sends (inside transactions as
 * well as outside) before passing it on unchanged. For tests and benchmarks that count queries
 * (tests/integration/query-counts.test.ts: "does the gradebook's query count grow with the class?");
 * the app never installs it.
 */
export type QueryObserver = (query: SqlQuery) => void;

/** Calls `observe` before the object's queryRaw/executeRaw; everything else goes to the object itself. */
function observed<T extends object>(target: T, observe: QueryObserver, wrap: Partial<Record<string | symbol, (value: never) => unknown>> = {}): T {
  return new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== "function") return value;
      if (prop === "queryRaw" || prop === "executeRaw") {
        return (q: SqlQuery) => {
          observe(q);
          return (value as (q: SqlQuery) => unknown).call(t, q);
        };
      }
      const after = wrap[prop];
      if (after) return async (...args: unknown[]) => after((await (value as (...a: unknown[]) => Promise<unknown>).apply(t, args)) as never);
      return (value as (...a: unknown[]) => unknown).bind(t);
    },
  });
}

export function observedAdapter(factory: SqlDriverAdapterFactory, observe: QueryObserver): SqlDriverAdapterFactory {
  const transaction = (tx: Transaction) => observed(tx, observe);
  const adapter = (a: SqlDriverAdapter) => observed(a, observe, { startTransaction: transaction });
  return observed(factory, observe, { connect: adapter });
}
