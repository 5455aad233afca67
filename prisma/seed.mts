import { pathToFileURL } from "node:url";
import { createPrismaClient, type Db } from "../lib/db/client.ts";
import { resolveDatabase } from "../lib/db/config.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { minuteBucket } from "../lib/progress/compute.ts";
import { seedAllReadings } from "./seed-content.mts";
import { DEMO_INSTRUCTOR, DEMO_JOIN_CODE, DEMO_PASSWORD, DEMO_READING, DEMO_STUDENTS } from "./demo-accounts.ts";

/**
 * Loads every reading from prisma/content (when its files changed) and, into a database with no
 * users yet, the demo class the README describes. Safe to run on every start.
 */

async function seedDemo(db: Db, log: (s: string) => void): Promise<void> {
  if ((await db.user.count()) > 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const reading = await db.reading.findUniqueOrThrow({
    where: { slug: DEMO_READING },
    select: { id: true, sections: { orderBy: { position: "asc" }, select: { id: true } }, paragraphs: { orderBy: { position: "asc" }, select: { anchor: true, sectionId: true } } },
  });
  const now = new Date();
  const day = 24 * 60 * 60 * 1000;

  await db.$transaction(async (tx) => {
    const instructor = await tx.user.create({
      data: { ...DEMO_INSTRUCTOR, role: "instructor", passwordHash },
      select: { id: true },
    });
    const cls = await tx.class.create({
      data: {
        name: "History 11B: The Cold War",
        instructorId: instructor.id,
        joinCode: DEMO_JOIN_CODE,
        joinCodeExpiresAt: new Date(now.getTime() + 365 * day),
      },
      select: { id: true },
    });
    const assignment = await tx.assignment.create({
      data: { classId: cls.id, readingId: reading.id, dueAt: new Date(now.getTime() + 7 * day) },
      select: { id: true },
    });
    for (const s of DEMO_STUDENTS) {
      const student = await tx.user.create({ data: { email: s.email, name: s.name, role: "student", passwordHash }, select: { id: true } });
      await tx.enrolment.create({ data: { userId: student.id, classId: cls.id } });
      if (s.sectionsRead === 0) continue;
      const read = reading.sections.slice(0, s.sectionsRead);
      const lastSection = read[read.length - 1]!;
      const lastAnchor = [...reading.paragraphs].reverse().find((p) => p.sectionId === lastSection.id)?.anchor ?? null;
      const progress = await tx.readingProgress.create({
        data: {
          assignmentId: assignment.id,
          userId: student.id,
          lastAnchor,
          completedAt: s.sectionsRead === reading.sections.length ? now : null,
        },
        select: { id: true },
      });
      await tx.sectionRead.createMany({
        data: read.map((sec, i) => ({ progressId: progress.id, sectionId: sec.id, via: i % 2 ? "marked" : "scrolled" })),
      });
      const firstMinute = minuteBucket(now) - 2 * 24 * 60;
      await tx.readingMinute.createMany({
        data: Array.from({ length: s.minutes }, (_, i) => ({ progressId: progress.id, minute: firstMinute + i })),
      });
    }
  });
  log(`Created the demo class with ${DEMO_STUDENTS.length} students (password for every demo account: ${DEMO_PASSWORD}).`);
}

export async function seedDatabase(db: Db, opts: { demo?: boolean; log?: (s: string) => void } = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  await seedAllReadings(db, log);
  if (opts.demo ?? true) await seedDemo(db, log);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const db = createPrismaClient(resolveDatabase());
  seedDatabase(db, { demo: process.env.DOSSIER_DEMO_DATA !== "0", log: (s) => console.log(`[seed] ${s}`) })
    .then(() => db.$disconnect())
    .catch(async (e: unknown) => {
      console.error(`[seed] failed: ${e instanceof Error ? e.message : String(e)}`);
      await db.$disconnect();
      process.exit(1);
    });
}
