// The discussion layer through lib/data/discussion against a real database (both providers).
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz/policy";
import { describeSpan } from "@/lib/discussion/anchor";
import { newPostSchema } from "@/lib/validation/discussion";
import { DEMO_READING } from "@/prisma/demo-accounts";
import { classWith, createUser, expectAppError } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-db";

const t = setupTestDatabase();
let d: typeof import("@/lib/data/discussion");
let realtime: typeof import("@/lib/realtime");
let teacher: Viewer, s1: Viewer, s2: Viewer, s3: Viewer, s4: Viewer, outsider: Viewer, otherTeacher: Viewer;
let readingId: string;
let para: { anchor: string; text: string };
let para2: { anchor: string; text: string };

async function newAssignment(): Promise<string> {
  const classId = await classWith(t.db(), teacher, `Class ${Math.random()}`, [s1, s2, s3, s4]);
  const a = await t.db().assignment.create({ data: { classId, readingId }, select: { id: true } });
  return a.id;
}

const quoteOf = (p: { text: string }, words: string) => {
  const start = p.text.indexOf(words);
  return describeSpan(p.text, start, start + words.length);
};
const post = (who: Viewer, assignmentId: string, over: Record<string, unknown> = {}) =>
  d.createPost(who, assignmentId, newPostSchema.parse({ kind: "comment", body: "A thought.", paragraph: para.anchor, ...over }));
const ids = async (who: Viewer, assignmentId: string) => (await d.getDiscussionLayer(who, assignmentId)).posts.map((p) => p.id);

beforeAll(async () => {
  d = await import("@/lib/data/discussion");
  realtime = await import("@/lib/realtime");
  const db = t.db();
  teacher = await createUser(db, "instructor", "teacher");
  otherTeacher = await createUser(db, "instructor", "other");
  [s1, s2, s3, s4, outsider] = (await Promise.all(["s1", "s2", "s3", "s4", "outsider"].map((n) => createUser(db, "student", n)))) as [Viewer, Viewer, Viewer, Viewer, Viewer];
  await classWith(db, otherTeacher, "Other class", [outsider]);
  const reading = await db.reading.findUniqueOrThrow({ where: { slug: DEMO_READING }, select: { id: true } });
  readingId = reading.id;
  const paras = await db.paragraph.findMany({ where: { readingId, kind: "text" }, orderBy: { position: "asc" }, select: { anchor: true, text: true } });
  para = paras.find((p) => p.text.includes("They are not afraid of a military invasion."))!;
  para2 = paras.find((p) => p.text.length > 200 && p.anchor !== para.anchor)!;
});

describe("posting and reading", () => {
  it("class visibility: classmates and the instructor see a post with its anchor; an outsider gets 403", async () => {
    const a = await newAssignment();
    const quote = quoteOf(para, "military invasion");
    const { id } = await post(s1, a, { quote, kind: "question", body: "Why *now*?" });
    for (const who of [s1, s2, teacher]) {
      const layer = await d.getDiscussionLayer(who, a);
      const p = layer.posts.find((x) => x.id === id)!;
      expect(p).toMatchObject({ kind: "question", body: "Why *now*?", paragraph: para.anchor, orphaned: false });
      expect(p.quote).toMatchObject({ exact: "military invasion", start: quote.start, end: quote.end });
    }
    expect((await d.getDiscussionLayer(s2, a)).posts[0]!.author.name).toBe(s1.name);
    await expectAppError(d.getDiscussionLayer(outsider, a), "forbidden");
    await expectAppError(post(outsider, a), "forbidden");
    await expectAppError(d.getDiscussionLayer(otherTeacher, a), "forbidden");
  });

  it("refuses empty, whitespace-only and over-long posts with clear messages", () => {
    for (const body of ["", "   \n\t "]) {
      const r = newPostSchema.safeParse({ kind: "comment", body, paragraph: para.anchor });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/empty/);
    }
    const long = newPostSchema.safeParse({ kind: "comment", body: "x".repeat(5001), paragraph: para.anchor });
    expect(long.error!.issues[0]!.message).toBe("A post can be at most 5,000 characters.");
    expect(newPostSchema.safeParse({ kind: "comment", body: "x".repeat(5000), paragraph: para.anchor }).success).toBe(true);
  });

  it("refuses a selector that does not match the paragraph, and a paragraph that does not exist (400)", async () => {
    const a = await newAssignment();
    const q = quoteOf(para, "military invasion");
    const e1 = await expectAppError(post(s1, a, { quote: { ...q, exact: "naval blockade!!" } }), "invalid");
    expect(e1.message).toMatch(/do not match/);
    await expectAppError(post(s1, a, { quote: { ...q, start: q.start + 1, end: q.end + 1 } }), "invalid");
    await expectAppError(post(s1, a, { quote: { ...q, prefix: "something else " } }), "invalid");
    await expectAppError(post(s1, a, { quote: { ...q, end: para.text.length + 10 } }), "invalid");
    const e2 = await expectAppError(post(s1, a, { paragraph: "p-99999" }), "invalid");
    expect(e2.message).toMatch(/not a paragraph/);
    await expectAppError(post(s1, a, { kind: "claim", cited: ["p-99999"] }), "invalid");
    await expectAppError(post(s1, a, { kind: "claim", cited: [] }), "invalid");
  });

  it("keeps HTML and script as text", async () => {
    const a = await newAssignment();
    const body = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
    const { id } = await post(s1, a, { body });
    expect((await d.getDiscussionLayer(s2, a)).posts.find((p) => p.id === id)!.body).toBe(body);
  });

  it("only the author edits or deletes; a student cannot hide, pin or endorse (403)", async () => {
    const a = await newAssignment();
    const { id } = await post(s1, a);
    await expectAppError(d.editPost(s2, a, id, { body: "mine now" }), "forbidden");
    await expectAppError(d.editPost(teacher, a, id, { body: "rewritten" }), "forbidden");
    await expectAppError(d.deletePost(s2, a, id), "forbidden");
    for (const change of [{ hidden: true }, { pinned: true }, { endorsed: true }]) await expectAppError(d.moderatePost(s2, a, id, change), "forbidden");
    await d.editPost(s1, a, id, { body: "Second thoughts." });
    const p = (await d.getDiscussionLayer(s2, a)).posts.find((x) => x.id === id)!;
    expect(p.body).toBe("Second thoughts.");
    expect(p.editedAt).not.toBeNull();
    await expectAppError(d.setHelpful(s1, a, id, true), "forbidden");
    await d.setHelpful(s2, a, id, true);
    await d.setHelpful(s2, a, id, true);
    expect((await d.getDiscussionLayer(s3, a)).posts.find((x) => x.id === id)!.helpful).toBe(1);
  });

  it("once the author deleted a post, it is still nobody else's to delete or edit (403, not a quiet success or a 409)", async () => {
    const a = await newAssignment();
    const { id } = await post(s1, a);
    await d.deletePost(s1, a, id);
    // Deleting again is idempotent for its author...
    await d.deletePost(s1, a, id);
    // ...and refused to anyone else who can see the discussion, as before it was deleted.
    for (const who of [s2, teacher]) {
      await expectAppError(d.deletePost(who, a, id), "forbidden");
      await expectAppError(d.editPost(who, a, id, { body: "mine now" }), "forbidden");
    }
    await expectAppError(d.editPost(s1, a, id, { body: "back again" }), "conflict");
  });

  it("a deleted post with replies stays as a placeholder; without replies it is gone; no replies to it (409)", async () => {
    const a = await newAssignment();
    const root = await post(s1, a);
    const reply = await post(s2, a, { parentId: root.id, body: "I disagree." });
    const lonely = await post(s3, a);
    await d.deletePost(s1, a, root.id);
    await d.deletePost(s3, a, lonely.id);
    const layer = await d.getDiscussionLayer(s4, a);
    const placeholder = layer.posts.find((p) => p.id === root.id)!;
    expect(placeholder).toMatchObject({ deleted: true, body: "" });
    expect(layer.posts.map((p) => p.id)).toContain(reply.id);
    expect(layer.posts.map((p) => p.id)).not.toContain(lonely.id);
    await expectAppError(post(s4, a, { parentId: root.id }), "conflict");
  });

  it("hidden posts never reach students, not even their author, nor do replies under them; the instructor sees them marked", async () => {
    const a = await newAssignment();
    const root = await post(s1, a, { body: "Something rude" });
    const reply = await post(s2, a, { parentId: root.id, body: "reply" });
    await d.moderatePost(teacher, a, root.id, { hidden: true });
    for (const who of [s1, s2, s3]) {
      const layer = await d.getDiscussionLayer(who, a);
      expect(layer.posts.map((p) => p.id)).not.toContain(root.id);
      expect(layer.posts.map((p) => p.id)).not.toContain(reply.id);
      expect(JSON.stringify(layer)).not.toContain("Something rude");
    }
    const mine = (await d.getDiscussionLayer(teacher, a)).posts.find((p) => p.id === root.id)!;
    expect(mine.hidden).toBe(true);
    await expectAppError(post(s3, a, { parentId: root.id }), "conflict");
    await expectAppError(post(teacher, a, { parentId: root.id }), "conflict");
    await d.moderatePost(teacher, a, root.id, { hidden: false });
    expect(await ids(s3, a)).toContain(root.id);
  });

  it("private notes are seen by their author only", async () => {
    const a = await newAssignment();
    const { id } = await post(s1, a, { kind: "note", body: "remember" });
    expect(await ids(s1, a)).toContain(id);
    expect(await ids(s2, a)).not.toContain(id);
    expect(await ids(teacher, a)).not.toContain(id);
    await expectAppError(post(s2, a, { parentId: id }), "not_found");
  });
});

describe("visibility modes", () => {
  it("groups: students see their group and the instructor only", async () => {
    const a = await newAssignment();
    await d.updateDiscussionSettings(teacher, a, { visibility: "groups", anonymous: false });
    // A fixed "random" so the grouping is known: with 4 students and size 2, two groups.
    await d.makeRandomGroups(teacher, a, 2, () => 0.99);
    const groups = await t.db().discussionGroupMember.findMany({ where: { assignmentId: a }, select: { userId: true, groupId: true } });
    expect(groups).toHaveLength(4);
    const groupOf = new Map(groups.map((g) => [g.userId, g.groupId]));
    const posts = new Map<string, string>();
    for (const s of [s1, s2, s3, s4]) posts.set(s.id, (await post(s, a)).id);
    const teacherPost = (await post(teacher, a)).id;
    for (const viewer of [s1, s2, s3, s4]) {
      const seen = new Set(await ids(viewer, a));
      expect(seen.has(teacherPost)).toBe(true);
      for (const author of [s1, s2, s3, s4]) {
        expect(seen.has(posts.get(author.id)!), `${viewer.name} sees ${author.name}?`).toBe(groupOf.get(author.id) === groupOf.get(viewer.id));
      }
    }
    expect(await ids(teacher, a)).toHaveLength(5);
    // Another group's thread cannot be replied to or marked by guessing its id.
    const stranger = [s2, s3, s4].find((s) => groupOf.get(s.id) !== groupOf.get(s1.id))!;
    await expectAppError(d.setHelpful(s1, a, posts.get(stranger.id)!, true), "not_found");
    await expectAppError(post(s1, a, { parentId: posts.get(stranger.id)! }), "not_found");
  });

  it("post before you see: classmates' answers to a prompt appear only after my own; other threads stay visible", async () => {
    const a = await newAssignment();
    await d.updateDiscussionSettings(teacher, a, { visibility: "post-before-see", anonymous: false });
    const prompt = await d.createPrompt(teacher, a, { paragraph: para.anchor, body: "Would Moscow have invaded?", requireClaim: true });
    const free = await post(s3, a, { paragraph: para2.anchor });
    await expectAppError(post(s1, a, { promptId: prompt.id }), "invalid"); // requires a claim
    const first = await post(s1, a, { promptId: prompt.id, kind: "claim", cited: [para.anchor] });
    const reply = await post(s1, a, { parentId: first.id, body: "and more" });
    const s2Before = await d.getDiscussionLayer(s2, a);
    expect(s2Before.posts.map((p) => p.id)).toEqual([free.id]);
    expect(s2Before.prompts[0]).toMatchObject({ id: prompt.id, answered: false });
    expect(JSON.stringify(s2Before)).not.toContain(first.id);
    await expectAppError(post(s2, a, { parentId: first.id }), "not_found");
    // A note on the prompt does not unlock it.
    await post(s2, a, { promptId: prompt.id, kind: "note", body: "thinking" });
    expect(await ids(s2, a)).not.toContain(first.id);
    const mine = await post(s2, a, { promptId: prompt.id, kind: "claim", cited: [para.anchor] });
    const after = await d.getDiscussionLayer(s2, a);
    expect(after.posts.map((p) => p.id)).toEqual(expect.arrayContaining([first.id, reply.id, mine.id, free.id]));
    expect(after.prompts[0]!.answered).toBe(true);
    expect(await ids(s4, a)).toEqual([free.id]);
    expect(await ids(teacher, a)).toEqual(expect.arrayContaining([first.id, reply.id, mine.id, free.id]));
  });

  it("anonymous to classmates: names and ids replaced for students, never for the instructor", async () => {
    const a = await newAssignment();
    await d.updateDiscussionSettings(teacher, a, { visibility: "class", anonymous: true });
    const p1 = await post(s1, a);
    await post(s2, a);
    await post(teacher, a);
    const layer = await d.getDiscussionLayer(s3, a);
    const text = JSON.stringify(layer);
    expect(text).not.toContain(s1.name);
    expect(text).not.toContain(s1.id);
    expect(text).not.toContain(s2.id);
    expect(layer.posts.map((p) => p.author.name)).toEqual(["Classmate 1", "Classmate 2", teacher.name]);
    expect((await d.getDiscussionLayer(s1, a)).posts.find((p) => p.id === p1.id)!.author).toMatchObject({ mine: true, name: `${s1.name} (you)` });
    expect((await d.getDiscussionLayer(teacher, a)).posts.map((p) => p.author.name)).toEqual([s1.name, s2.name, `${teacher.name} (you)`]);
  });
});

describe("anchors, limits, events, the instructor's view", () => {
  it("re-anchors by quote when the reading's text changes, and reports an orphan with its quote", async () => {
    const a = await newAssignment();
    const quote = quoteOf(para2, para2.text.slice(40, 70));
    const { id } = await post(s1, a, { paragraph: para2.anchor, quote });
    const db = t.db();
    const original = para2.text;
    try {
      await db.paragraph.update({ where: { readingId_anchor: { readingId, anchor: para2.anchor } }, data: { text: `Inserted words. ${original}` } });
      const moved = (await d.getDiscussionLayer(s2, a)).posts.find((p) => p.id === id)!;
      expect(moved.orphaned).toBe(false);
      expect(moved.quote).toMatchObject({ exact: quote.exact, start: quote.start + 16, end: quote.end + 16 });
      await db.paragraph.update({ where: { readingId_anchor: { readingId, anchor: para2.anchor } }, data: { text: "Entirely different text." } });
      const orphan = (await d.getDiscussionLayer(s2, a)).posts.find((p) => p.id === id)!;
      expect(orphan.orphaned).toBe(true);
      expect(orphan.quote!.exact).toBe(quote.exact);
    } finally {
      await db.paragraph.update({ where: { readingId_anchor: { readingId, anchor: para2.anchor } }, data: { text: original } });
    }
  });

  it("publishes an event for every shared change, none for private notes", async () => {
    const a = await newAssignment();
    const db = t.db();
    const before = await realtime.latestEventId(db);
    const { id } = await post(s1, a);
    await post(s1, a, { kind: "note" });
    await d.editPost(s1, a, id, { body: "edited" });
    await d.setHelpful(s2, a, id, true);
    await d.moderatePost(teacher, a, id, { pinned: true });
    const events = await db.realtimeEvent.findMany({ where: { id: { gt: before }, channel: d.discussionChannel(a) }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["post.created", "post.edited", "post.helpful", "post.moderated"]);
    expect(events.every((e) => !e.payload.includes("A thought"))).toBe(true);
  });

  it("30 posts a minute from one student, then 429 with a clear message", async () => {
    const a = await newAssignment();
    const eager = await createUser(t.db(), "student", "eager");
    const classId = (await t.db().assignment.findUniqueOrThrow({ where: { id: a }, select: { classId: true } })).classId;
    await t.db().enrolment.create({ data: { userId: eager.id, classId } });
    for (let i = 0; i < 30; i++) await post(eager, a, { body: `post ${i}` });
    const e = await expectAppError(post(eager, a), "rate_limited");
    expect(e.status).toBe(429);
    expect(e.message).toMatch(/30 times in the last minute/);
    expect(await t.db().annotation.count({ where: { authorId: eager.id } })).toBe(30);
  });

  it("the report: participation, where the class talked, cited paragraphs, open questions oldest first", async () => {
    const a = await newAssignment();
    const q1 = await post(s1, a, { kind: "question", body: "one two three" });
    const q2 = await post(s2, a, { kind: "question", body: "Why?" });
    const q3 = await post(s3, a, { kind: "question", body: "How?" });
    await post(teacher, a, { parentId: q2.id, body: "Because." });
    const answer = await post(s4, a, { parentId: q3.id, body: "Like this." });
    await d.moderatePost(teacher, a, answer.id, { endorsed: true });
    await post(s4, a, { kind: "claim", cited: [para.anchor, para2.anchor], paragraph: para2.anchor });
    await d.setHelpful(s2, a, q1.id, true);
    await expectAppError(d.getDiscussionReport(s1, a), "forbidden");
    const r = await d.getDiscussionReport(teacher, a);
    expect(r.openQuestions.map((q) => q.id)).toEqual([q1.id]);
    const row = (s: Viewer) => r.participation.find((p) => p.userId === s.id)!;
    expect(row(s1)).toMatchObject({ posts: 1, replies: 0, questions: 1, claims: 0, words: 3, helpfulReceived: 1 });
    expect(row(s4)).toMatchObject({ posts: 1, replies: 1, claims: 1 });
    expect(r.cited).toEqual({ [para.anchor]: 1, [para2.anchor]: 1 });
    expect(r.talkedAbout[para.anchor]).toBe(5);
  });
});
