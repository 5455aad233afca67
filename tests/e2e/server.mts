/**
 * The app as the end-to-end tests see it: a fresh database (SQLite, or PostgreSQL when
 * DATABASE_URL says so), migrated and seeded with the demo class and the authorization matrix's
 * world, and `next start` on the production build. Run by Playwright's webServer; cleans up when stopped.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createFreshDatabase } from "../helpers/fresh-database.mts";
import { applyMigrations } from "../../prisma/scripts/migrations.mts";
import { createPrismaClient } from "../../lib/db/client.ts";
import { seedDatabase } from "../../prisma/seed.mts";
import { seedAuthzWorld } from "./authz/seed-world.mts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const port = process.env.E2E_PORT ?? "3210";
const { config, drop } = await createFreshDatabase("dossier_e2e");
await applyMigrations(config);
const db = createPrismaClient(config);
await seedDatabase(db, { demo: true });
// The authorization matrix's own people and objects, apart from the demo class (tests/e2e/authz).
await seedAuthzWorld(db);
await db.$disconnect();
console.log(`[e2e] ${config.provider} database ready; starting the app on port ${port}`);

const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: config.url,
    AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
    AUTH_TRUST_HOST: "true",
    // As behind one proxy: tests say which address a request comes from with X-Forwarded-For.
    DOSSIER_TRUSTED_PROXY_HOPS: "1",
    // Short sessions are tested by forging an expired cookie, not by waiting.
    NODE_ENV: "production",
    // A part counts as read after a tenth of its usual reading time (1–13 s instead of 10–122 s),
    // so the tests can dwell in a part without waiting minutes; lib/progress/dwell.ts.
    DOSSIER_READ_DWELL_SCALE: "0.1",
  },
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await drop().catch(() => {});
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", async (code) => {
  if (!stopping) {
    await drop().catch(() => {});
    process.exit(code ?? 1);
  }
});
