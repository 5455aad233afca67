/**
 * Counts how a running app answers malformed server-action and route-handler requests:
 *   BENCH_URL=http://localhost:3000 npx tsx tests/bench/malformed-requests.mts
 * Prints one line per request (status, name) and a tally by status; exits 1 when any answer
 * was a 5xx or leaked internals (stack frames, paths). Needs a running app (`npm start`).
 */
import { LEAK, malformedVariants, readActionIds, sendAll } from "../helpers/malformed-requests.ts";

const baseURL = process.env.BENCH_URL ?? "http://localhost:3000";
const variants = malformedVariants(await readActionIds(baseURL));
const results = await sendAll(baseURL, variants);
const tally = new Map<string, number>();
let bad = 0;
for (const r of results) {
  const status = r.status === 0 ? `closed (${r.error})` : String(r.status);
  const leaked = LEAK.test(r.body);
  if (r.status >= 500 || r.status === 0 || leaked) bad++;
  tally.set(String(r.status), (tally.get(String(r.status)) ?? 0) + 1);
  console.log(`${status.padEnd(6)} ${leaked ? "LEAK " : ""}${r.variant.name}`);
}
console.log(`\n${results.length} requests: ${[...tally].sort().map(([s, n]) => `${n} × ${s}`).join(", ")}`);
console.log(`${bad} answered with a 5xx, a closed connection or leaked internals.`);
process.exit(bad ? 1 : 0);
