/**
 * How GIFT parsing time grows with the file: 10,000 and 160,000 questions (about 6 MB), each
 * parsed a few times, best run reported. Linear parsing gives a ratio near 16.
 *
 * CPU time (this process's user + system) is reported beside wall time: on a shared machine the
 * wall clock mostly measures the other processes.
 *
 *   npx tsx tests/bench/gift.mts            (GIFT_BENCH_RUNS=3 by default)
 */
import { parseGift } from "../../lib/interchange/gift-parse.ts";
import { bigGift } from "../helpers/gift-big.ts";

const RUNS = Number(process.env.GIFT_BENCH_RUNS ?? 3);

interface Figures {
  wall: number;
  cpu: number;
  bytes: number;
  found: number;
}

function measure(count: number): Figures {
  const { text, questions } = bigGift(count);
  let wall = Infinity;
  let cpu = Infinity;
  let found = 0;
  for (let r = 0; r < RUNS; r++) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const result = parseGift(text);
    wall = Math.min(wall, performance.now() - start);
    const used = process.cpuUsage(cpu0);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
    found = result.questions.length;
    if (result.errors.length || found !== questions) throw new Error(`expected ${questions} questions, got ${found}; errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
  }
  return { wall, cpu, bytes: Buffer.byteLength(text), found };
}

measure(2000); // warm up the JIT
const small = measure(10_000);
const large = measure(160_000);
const row = (label: string, m: Figures) =>
  `${label}: ${m.found} questions, ${(m.bytes / 1e6).toFixed(2)} MB: cpu ${m.cpu.toFixed(0)} ms (${((m.cpu / m.found) * 1000).toFixed(1)} µs/question), wall ${m.wall.toFixed(0)} ms`;
console.log(row("10k ", small));
console.log(row("160k", large));
console.log(`ratio 160k/10k: cpu ${(large.cpu / small.cpu).toFixed(1)}, wall ${(large.wall / small.wall).toFixed(1)} (16 is linear)`);
