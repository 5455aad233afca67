import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "@/lib/env";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/generated/prisma/sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/prisma/postgresql/client";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DatabaseConfig } from "./config";
import { serialisedSqlite } from "./sqlite-adapter";
import { preparePrivateSqliteFile } from "./private-files";
import { observedAdapter, type QueryObserver } from "./observed-adapter";

/**
 * One client type for the whole app. The two generated clients come from the same schema
 * (prisma/postgresql/schema.prisma is generated from prisma/schema.prisma and a test keeps them
 * equal), so the PostgreSQL client is used through the SQLite client's type. The cost: no
 * PostgreSQL-only query options, which keeps the data layer portable on purpose.
 */
export type Db = SqliteClient;

// Password hashes are never selected unless a query asks for them by name (sign-in does).
const omit = { user: { passwordHash: true } } as const;

/**
 * Every multi-step write in lib/data is one interactive transaction. Under load a transaction may
 * queue for SQLite's single writer or for a pooled PostgreSQL connection for longer than Prisma's
 * default 2 s before it starts; waiting longer beats failing a student's save.
 */
const transactionOptions = { maxWait: 10_000, timeout: 10_000 } as const;

export interface ClientOptions {
  /** Sees every SQL statement before it runs (tests and benchmarks count queries with it). */
  onQuery?: QueryObserver;
}

export function createPrismaClient(config: DatabaseConfig, opts: ClientOptions = {}): Db {
  const watch = <F extends SqlDriverAdapterFactory>(factory: F): SqlDriverAdapterFactory => (opts.onQuery ? observedAdapter(factory, opts.onQuery) : factory);
  if (config.provider === "sqlite") {
    preparePrivateSqliteFile(config.file);
    // WAL, synchronous=FULL, and no query slipping into another request's transaction: see sqlite-adapter.ts.
    return new SqliteClient({ adapter: watch(serialisedSqlite(new PrismaBetterSqlite3({ url: config.url }))), omit, transactionOptions });
  }
  const pg = new PostgresClient({
    adapter: watch(new PrismaPg({ connectionString: config.url, max: env().DATABASE_POOL_SIZE })),
    omit,
    transactionOptions,
  });
  // Same schema, same models: see the comment above.
  return pg as unknown as Db;
}
