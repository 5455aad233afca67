/**
 * Fault injection for integration tests: a Prisma query extension on the client lib/db uses
 * (setupTestDatabase({ extend: faults.extend })) that throws on the Nth write to a model, inside
 * transactions as well as outside. Nothing in the app knows about it.
 *
 *   faults.failOnWrite("AttemptResponse", 2);   // the 2nd write to AttemptResponse throws
 *   await expect(submit()).rejects.toThrow(InjectedFault);
 */
import type { Db } from "@/lib/db/client";

export class InjectedFault extends Error {
  constructor(where: string) {
    super(`injected failure on ${where}`);
    this.name = "InjectedFault";
  }
}

const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"]);

/** What a write sets: `data`, or an upsert's `update` and `create` together. */
function dataOf(args: unknown): Record<string, unknown> {
  const a = (args ?? {}) as { data?: unknown; update?: unknown; create?: unknown };
  const pick = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  return { ...pick(a.create), ...pick(a.update), ...pick(a.data) };
}

export interface Faults {
  extend(db: Db): Db;
  /**
   * The `nth` write (1-based) to `model` from now on throws InjectedFault; one shot. With `when`,
   * only the writes it accepts count (e.g. the one that sets a score).
   */
  failOnWrite(model: string, nth: number, when?: (write: { operation: string; data: Record<string, unknown> }) => boolean): void;
  /** Whether the planned fault has fired (and is spent). */
  readonly fired: boolean;
  clear(): void;
}

export function createFaults(): Faults {
  type Plan = { model: string; remaining: number; when: ((write: { operation: string; data: Record<string, unknown> }) => boolean) | undefined };
  let plan: Plan | null = null;
  let fired = false;
  return {
    extend(db) {
      const extended = db.$extends({
        query: {
          $allModels: {
            async $allOperations({ model, operation, args, query }) {
              if (plan && plan.model === model && WRITES.has(operation) && (!plan.when || plan.when({ operation, data: dataOf(args) })) && --plan.remaining === 0) {
                plan = null;
                fired = true;
                throw new InjectedFault(`${model}.${operation}`);
              }
              return query(args);
            },
          },
        },
      });
      // The same client with a hook; lib/data sees the type it expects.
      return extended as unknown as Db;
    },
    failOnWrite(model, nth, when) {
      if (nth < 1) throw new Error("nth counts from 1");
      plan = { model, remaining: nth, when };
      fired = false;
    },
    get fired() {
      return fired;
    },
    clear() {
      plan = null;
      fired = false;
    },
  };
}
