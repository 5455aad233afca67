import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import {
  canDeleteAnnotation,
  canEditAnnotation,
  canManageDiscussion,
  canMarkHelpful,
  canModerateDiscussion,
  canPostInDiscussion,
  canReadDiscussion,
  canReplyTo,
  type DiscussionSettingsFacts,
  type DiscussionViewer,
  type DiscussionVisibility,
  type Viewer,
} from "@/lib/authz/policy";
import { AppError, RateLimitedError, waitPhrase } from "@/lib/errors";
import { checkSpan } from "@/lib/discussion/anchor";
import { shapePosts, type PostRow, type PostView } from "@/lib/discussion/shape";
import { wordCount } from "@/lib/discussion/format";
import { latestEventId, publish } from "@/lib/realtime";
import type { NewPost } from "@/lib/validation/discussion";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Every change to an assignment's discussion is announced on this channel (ids only). */
export const discussionChannel = (assignmentId: string) => `assignment:${assignmentId}`;

export const POSTS_PER_MINUTE = 30;
let postLimiter: RateLimiterPrisma | undefined;
const limiter = () =>
  (postLimiter ??= new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix: "discussion-post", points: POSTS_PER_MINUTE, duration: 60 }));

async function takePostSlot(viewer: Viewer): Promise<void> {
  try {
    await limiter().consume(viewer.id);
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const wait = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      const err = new RateLimitedError(wait);
      err.message = `You have posted ${POSTS_PER_MINUTE} times in the last minute. Take a breath and post again in ${waitPhrase(wait)}; your text is kept.`;
      throw err;
    }
    throw e;
  }
}

interface Ctx {
  assignmentId: string;
  readingId: string;
  cls: { id: string; instructorId: string; archivedAt: Date | null };
  enrolled: boolean;
  settings: DiscussionSettingsFacts;
  viewer: DiscussionViewer;
}

async function context(viewer: Viewer, assignmentId: string, client: Tx | typeof db = db): Promise<Ctx> {
  const a = await client.assignment.findUnique({
    where: { id: assignmentId },
    select: {
      id: true,
      readingId: true,
      class: { select: { id: true, instructorId: true, archivedAt: true } },
      discussionSettings: { select: { visibility: true, anonymous: true } },
    },
  });
  if (!a) throw new AppError("not_found", "There is no such assignment.");
  const enrolled =
    viewer.role === "student" &&
    (await client.enrolment.count({ where: { userId: viewer.id, classId: a.class.id } })) > 0;
  if (!canReadDiscussion(viewer, a.class, enrolled)) throw new AppError("forbidden", "This assignment belongs to a class you are not in.");
  const isClassInstructor = a.class.instructorId === viewer.id;
  const [group, answered] = await Promise.all([
    client.discussionGroupMember.findUnique({ where: { assignmentId_userId: { assignmentId, userId: viewer.id } }, select: { groupId: true } }),
    client.annotation.findMany({
      where: { assignmentId, authorId: viewer.id, parentId: null, promptId: { not: null }, kind: { not: "note" } },
      select: { promptId: true },
      distinct: ["promptId"],
    }),
  ]);
  return {
    assignmentId,
    readingId: a.readingId,
    cls: a.class,
    enrolled,
    settings: {
      visibility: (a.discussionSettings?.visibility ?? "class") as DiscussionVisibility,
      anonymous: a.discussionSettings?.anonymous ?? false,
    },
    viewer: {
      id: viewer.id,
      isClassInstructor,
      groupId: group?.groupId ?? null,
      answeredPrompts: new Set(answered.map((r) => r.promptId!)),
    },
  };
}

const postSelect = {
  id: true,
  parentId: true,
  promptId: true,
  kind: true,
  body: true,
  paragraphAnchor: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  quoteStart: true,
  quoteEnd: true,
  citedAnchors: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  pinnedAt: true,
  endorsedAt: true,
  authorId: true,
  author: { select: { name: true, role: true } },
  _count: { select: { helpful: true } },
} as const;

async function loadRows(ctx: Ctx, where: { authorId?: string } = {}): Promise<PostRow[]> {
  const [rows, groups, mine] = await Promise.all([
    db.annotation.findMany({ where: { assignmentId: ctx.assignmentId, ...where }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: postSelect }),
    ctx.settings.visibility === "groups"
      ? db.discussionGroupMember.findMany({ where: { assignmentId: ctx.assignmentId }, select: { userId: true, groupId: true } })
      : Promise.resolve([]),
    db.helpfulMark.findMany({ where: { userId: ctx.viewer.id, annotation: { assignmentId: ctx.assignmentId } }, select: { annotationId: true } }),
  ]);
  const groupOf = new Map(groups.map((g) => [g.userId, g.groupId]));
  const helpfulByMe = new Set(mine.map((m) => m.annotationId));
  return rows.map(({ author, _count, ...r }) => ({
    ...r,
    authorName: author.name,
    authorIsInstructor: r.authorId === ctx.cls.instructorId,
    authorGroupId: groupOf.get(r.authorId) ?? null,
    helpfulCount: _count.helpful,
    helpfulByViewer: helpfulByMe.has(r.id),
  }));
}

async function paragraphTexts(readingId: string): Promise<Map<string, string>> {
  const rows = await db.paragraph.findMany({ where: { readingId }, orderBy: { position: "asc" }, select: { anchor: true, text: true } });
  return new Map(rows.map((p) => [p.anchor, p.text]));
}

export interface PromptView {
  id: string;
  paragraph: string;
  body: string;
  requireClaim: boolean;
  /** Post-before-see: whether this viewer has answered (classmates' answers are shown only then). */
  answered: boolean;
}

export interface DiscussionLayer {
  /** Stream events after this id (read before the posts, so nothing falls between). */
  cursor: number;
  settings: DiscussionSettingsFacts;
  prompts: PromptView[];
  posts: PostView[];
  me: { id: string; canPost: boolean; canModerate: boolean; isStudent: boolean };
}

/** The discussion layer of an assignment as this viewer may see it. */
export async function getDiscussionLayer(viewer: Viewer, assignmentId: string): Promise<DiscussionLayer> {
  const cursor = await latestEventId(db);
  const ctx = await context(viewer, assignmentId);
  const [rows, texts, prompts] = await Promise.all([
    loadRows(ctx),
    paragraphTexts(ctx.readingId),
    db.discussionPrompt.findMany({ where: { assignmentId }, orderBy: { createdAt: "asc" }, select: { id: true, paragraphAnchor: true, body: true, requireClaim: true } }),
  ]);
  return {
    cursor,
    settings: ctx.settings,
    prompts: prompts.map((p) => ({ id: p.id, paragraph: p.paragraphAnchor, body: p.body, requireClaim: p.requireClaim, answered: ctx.viewer.answeredPrompts.has(p.id) })),
    posts: shapePosts(ctx.viewer, ctx.settings, rows, (a) => texts.get(a)),
    me: {
      id: viewer.id,
      canPost: canPostInDiscussion(viewer, ctx.cls, ctx.enrolled),
      canModerate: canModerateDiscussion(viewer, ctx.cls),
      isStudent: viewer.role === "student",
    },
  };
}

/** Whether the viewer may listen to the assignment's events (the same rule as reading it). */
export async function authorizeDiscussionStream(viewer: Viewer, assignmentId: string): Promise<void> {
  await context(viewer, assignmentId);
}

/** Creates a thread or a reply. */
export async function createPost(viewer: Viewer, assignmentId: string, input: NewPost): Promise<{ id: string }> {
  const ctx = await context(viewer, assignmentId);
  if (!canPostInDiscussion(viewer, ctx.cls, ctx.enrolled)) {
    throw new AppError("forbidden", ctx.cls.archivedAt ? "This class is archived: its discussion is read-only." : "Only the class's students and instructor can post here.");
  }
  const texts = await paragraphTexts(ctx.readingId);
  for (const c of input.cited) if (!texts.has(c)) throw new AppError("invalid", `¶ ${c.slice(2)} is not a paragraph of this reading.`, { cited: ["Not a paragraph of this reading."] });
  if (input.kind === "claim" && input.cited.length === 0) {
    throw new AppError("invalid", "A claim needs evidence: cite at least one paragraph.", { cited: ["Cite at least one paragraph."] });
  }

  let data: {
    kind: string;
    body: string;
    paragraphAnchor: string;
    parentId?: string | null;
    promptId: string | null;
    citedAnchors: string;
    quoteExact?: string | null;
    quotePrefix?: string | null;
    quoteSuffix?: string | null;
    quoteStart?: number | null;
    quoteEnd?: number | null;
  };
  if (input.parentId) {
    const parent = await db.annotation.findFirst({
      where: { id: input.parentId, assignmentId },
      select: { id: true, kind: true, deletedAt: true, hiddenAt: true, paragraphAnchor: true, promptId: true, authorId: true },
    });
    if (!parent || (parent.kind === "note" && parent.authorId !== viewer.id)) throw new AppError("not_found", "That post is not in this discussion.");
    if (!canReplyTo({ deleted: parent.deletedAt !== null, hidden: parent.hiddenAt !== null, kind: parent.kind })) {
      throw new AppError("conflict", parent.kind === "note" ? "Private notes take no replies." : "That post was removed, so it can no longer take replies.");
    }
    if (input.kind === "note") throw new AppError("invalid", "A reply cannot be a private note.");
    // A thread the viewer cannot see (another group's, a prompt not yet answered) takes no reply from them.
    if (!ctx.viewer.isClassInstructor && !shapePosts(ctx.viewer, ctx.settings, await loadRows(ctx), () => undefined).some((p) => p.id === parent.id)) {
      throw new AppError("not_found", "That post is not in this discussion.");
    }
    data = { kind: input.kind, body: input.body, parentId: parent.id, promptId: parent.promptId, paragraphAnchor: parent.paragraphAnchor, citedAnchors: input.cited.join(" ") };
  } else {
    if (!input.paragraph) throw new AppError("invalid", "Choose the paragraph the post is about.", { paragraph: ["Choose a paragraph."] });
    const text = texts.get(input.paragraph);
    if (text === undefined) throw new AppError("invalid", `¶ ${input.paragraph.slice(2)} is not a paragraph of this reading.`, { paragraph: ["Not a paragraph of this reading."] });
    let span = null;
    if (input.quote) {
      const checked = checkSpan(text, input.quote);
      if (!checked.ok) throw new AppError("invalid", checked.reason, { quote: [checked.reason] });
      span = checked.span;
    }
    let promptId: string | null = null;
    if (input.promptId) {
      const prompt = await db.discussionPrompt.findFirst({ where: { id: input.promptId, assignmentId }, select: { id: true, requireClaim: true } });
      if (!prompt) throw new AppError("invalid", "That prompt is not part of this assignment.");
      if (prompt.requireClaim && input.kind !== "claim" && input.kind !== "note" && viewer.role === "student") {
        throw new AppError("invalid", "This prompt asks for a claim with evidence: choose “Claim” and cite the paragraphs that support it.");
      }
      promptId = prompt.id;
    }
    data = {
      kind: input.kind,
      body: input.body,
      paragraphAnchor: input.paragraph,
      promptId,
      quoteExact: span?.exact ?? null,
      quotePrefix: span?.prefix ?? null,
      quoteSuffix: span?.suffix ?? null,
      quoteStart: span?.start ?? null,
      quoteEnd: span?.end ?? null,
      citedAnchors: input.cited.join(" "),
    };
  }

  await takePostSlot(viewer);
  return db.$transaction(async (tx) => {
    const row = await tx.annotation.create({ data: { ...data, assignmentId, authorId: viewer.id }, select: { id: true, kind: true } });
    // Private notes concern no one else: no event.
    if (row.kind !== "note") await publish(tx, discussionChannel(assignmentId), data.parentId ? "reply.created" : "post.created", { postId: row.id, parentId: data.parentId ?? null });
    return { id: row.id };
  });
}

async function ownPost(viewer: Viewer, ctx: Ctx, postId: string) {
  const post = await db.annotation.findFirst({
    where: { id: postId, assignmentId: ctx.assignmentId },
    select: { id: true, authorId: true, kind: true, parentId: true, deletedAt: true, hiddenAt: true },
  });
  // Someone else's private note, or a hidden post for a student, does not exist as far as they know.
  if (!post || (post.kind === "note" && post.authorId !== viewer.id) || (post.hiddenAt && !ctx.viewer.isClassInstructor && post.authorId !== viewer.id)) {
    throw new AppError("not_found", "That post is not in this discussion.");
  }
  return post;
}

export async function editPost(viewer: Viewer, assignmentId: string, postId: string, input: { body: string; cited?: string[] }): Promise<void> {
  const ctx = await context(viewer, assignmentId);
  const post = await ownPost(viewer, ctx, postId);
  // Whose post it is first: a deleted post is still nobody else's (403), and only its author learns it is gone (409).
  if (!canEditAnnotation(viewer, { authorId: post.authorId, deleted: false }, ctx.cls)) throw new AppError("forbidden", "You can only edit your own posts.");
  if (post.deletedAt) throw new AppError("conflict", "That post was deleted.");
  if (input.cited) {
    const texts = await paragraphTexts(ctx.readingId);
    for (const c of input.cited) if (!texts.has(c)) throw new AppError("invalid", `¶ ${c.slice(2)} is not a paragraph of this reading.`);
    if (post.kind === "claim" && input.cited.length === 0) throw new AppError("invalid", "A claim needs evidence: cite at least one paragraph.");
  }
  await db.$transaction(async (tx) => {
    await tx.annotation.update({ where: { id: postId }, data: { body: input.body, editedAt: new Date(), ...(input.cited ? { citedAnchors: input.cited.join(" ") } : {}) } });
    if (post.kind !== "note") await publish(tx, discussionChannel(assignmentId), "post.edited", { postId });
  });
}

/** Deleting keeps the row (as "post deleted" for its replies) and drops its text. */
export async function deletePost(viewer: Viewer, assignmentId: string, postId: string): Promise<void> {
  const ctx = await context(viewer, assignmentId);
  const post = await ownPost(viewer, ctx, postId);
  // Whose post it is first: deleting again is a quiet success for its author only, never for anyone else.
  if (!canDeleteAnnotation(viewer, { authorId: post.authorId, deleted: false }, ctx.cls)) throw new AppError("forbidden", "You can only delete your own posts.");
  if (post.deletedAt) return;
  await db.$transaction(async (tx) => {
    await tx.annotation.update({ where: { id: postId }, data: { deletedAt: new Date(), body: "", citedAnchors: "" } });
    await tx.helpfulMark.deleteMany({ where: { annotationId: postId } });
    if (post.kind !== "note") await publish(tx, discussionChannel(assignmentId), "post.deleted", { postId });
  });
}

export async function moderatePost(viewer: Viewer, assignmentId: string, postId: string, change: { hidden?: boolean; pinned?: boolean; endorsed?: boolean }): Promise<void> {
  const ctx = await context(viewer, assignmentId);
  if (!canModerateDiscussion(viewer, ctx.cls)) throw new AppError("forbidden", "Only the class's instructor can hide, pin or endorse posts.");
  const post = await ownPost(viewer, ctx, postId);
  if (post.kind === "note") throw new AppError("not_found", "That post is not in this discussion.");
  const now = new Date();
  const at = (on: boolean | undefined) => (on === undefined ? undefined : on ? now : null);
  await db.$transaction(async (tx) => {
    await tx.annotation.update({ where: { id: postId }, data: { hiddenAt: at(change.hidden), pinnedAt: at(change.pinned), endorsedAt: at(change.endorsed) } });
    await publish(tx, discussionChannel(assignmentId), "post.moderated", { postId });
  });
}

export async function setHelpful(viewer: Viewer, assignmentId: string, postId: string, helpful: boolean): Promise<void> {
  const ctx = await context(viewer, assignmentId);
  const post = await ownPost(viewer, ctx, postId);
  if (!canMarkHelpful(viewer, { authorId: post.authorId, deleted: post.deletedAt !== null, hidden: post.hiddenAt !== null }, ctx.enrolled)) {
    throw new AppError("forbidden", post.authorId === viewer.id ? "You cannot mark your own post as helpful." : "Only students of the class mark posts as helpful.");
  }
  // Only a post this viewer can see (groups, post-before-see) can be marked.
  const visible = shapePosts(ctx.viewer, ctx.settings, await loadRows(ctx), () => undefined).some((p) => p.id === postId && !p.deleted);
  if (!visible) throw new AppError("not_found", "That post is not in this discussion.");
  await db.$transaction(async (tx) => {
    if (helpful) await tx.helpfulMark.upsert({ where: { annotationId_userId: { annotationId: postId, userId: viewer.id } }, create: { annotationId: postId, userId: viewer.id }, update: {} });
    else await tx.helpfulMark.deleteMany({ where: { annotationId: postId, userId: viewer.id } });
    await publish(tx, discussionChannel(assignmentId), "post.helpful", { postId });
  });
}

// ---------------------------------------------------------------- the instructor's side

async function managerContext(viewer: Viewer, assignmentId: string): Promise<Ctx> {
  const ctx = await context(viewer, assignmentId);
  if (!canManageDiscussion(viewer, ctx.cls)) throw new AppError("forbidden", "Only the class's instructor can change the discussion.");
  return ctx;
}

export async function updateDiscussionSettings(viewer: Viewer, assignmentId: string, s: DiscussionSettingsFacts): Promise<void> {
  await managerContext(viewer, assignmentId);
  await db.$transaction(async (tx) => {
    await tx.discussionSettings.upsert({ where: { assignmentId }, create: { assignmentId, ...s }, update: s });
    await publish(tx, discussionChannel(assignmentId), "settings.changed", {});
  });
}

export async function createPrompt(viewer: Viewer, assignmentId: string, p: { paragraph: string; body: string; requireClaim: boolean }): Promise<{ id: string }> {
  const ctx = await managerContext(viewer, assignmentId);
  const exists = await db.paragraph.count({ where: { readingId: ctx.readingId, anchor: p.paragraph } });
  if (!exists) throw new AppError("invalid", `¶ ${p.paragraph.slice(2)} is not a paragraph of this reading.`);
  return db.$transaction(async (tx) => {
    const row = await tx.discussionPrompt.create({ data: { assignmentId, paragraphAnchor: p.paragraph, body: p.body, requireClaim: p.requireClaim }, select: { id: true } });
    await publish(tx, discussionChannel(assignmentId), "prompt.created", { promptId: row.id });
    return row;
  });
}

export async function deletePrompt(viewer: Viewer, assignmentId: string, promptId: string): Promise<void> {
  await managerContext(viewer, assignmentId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.discussionPrompt.deleteMany({ where: { id: promptId, assignmentId } });
    if (count === 0) throw new AppError("not_found", "There is no such prompt.");
    await publish(tx, discussionChannel(assignmentId), "prompt.deleted", { promptId });
  });
}

/** Replaces the assignment's groups with random ones of about `size` students (Fisher–Yates). */
export async function makeRandomGroups(viewer: Viewer, assignmentId: string, size: number, random: () => number = Math.random): Promise<{ groups: number }> {
  const ctx = await managerContext(viewer, assignmentId);
  const students = (await db.enrolment.findMany({ where: { classId: ctx.cls.id }, select: { userId: true }, orderBy: { joinedAt: "asc" } })).map((e) => e.userId);
  for (let i = students.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [students[i], students[j]] = [students[j]!, students[i]!];
  }
  const count = Math.max(1, Math.round(students.length / size));
  return db.$transaction(async (tx) => {
    await tx.discussionGroup.deleteMany({ where: { assignmentId } });
    for (let g = 0; g < count; g++) {
      const members = students.filter((_, i) => i % count === g);
      if (members.length === 0) continue;
      await tx.discussionGroup.create({
        data: { assignmentId, name: `Group ${g + 1}`, members: { create: members.map((userId) => ({ userId, assignmentId })) } },
      });
    }
    await publish(tx, discussionChannel(assignmentId), "groups.changed", {});
    return { groups: count };
  });
}

export interface ParticipationRow {
  userId: string;
  name: string;
  email: string;
  posts: number;
  replies: number;
  questions: number;
  claims: number;
  words: number;
  helpfulReceived: number;
}

export interface DiscussionReport {
  assignmentId: string;
  settings: DiscussionSettingsFacts;
  groups: { id: string; name: string; members: { id: string; name: string }[] }[];
  prompts: PromptView[];
  participation: ParticipationRow[];
  /** Posts (threads and replies, not notes) per paragraph anchor, and claims' citations per anchor. */
  talkedAbout: Record<string, number>;
  cited: Record<string, number>;
  /** Questions with no endorsed answer and no instructor reply, oldest first. */
  openQuestions: PostView[];
  /** Every post the instructor can see (notes excluded), with real names. */
  posts: (PostView & { authorId: string })[];
  /** The reading's paragraphs in order, for the strip. */
  paragraphs: string[];
}

/** The instructor's picture of the discussion: participation, where the class talked, open questions. */
export async function getDiscussionReport(viewer: Viewer, assignmentId: string): Promise<DiscussionReport> {
  const ctx = await managerContext(viewer, assignmentId);
  const [rows, texts, prompts, roster, groups] = await Promise.all([
    loadRows(ctx),
    paragraphTexts(ctx.readingId),
    db.discussionPrompt.findMany({ where: { assignmentId }, orderBy: { createdAt: "asc" } }),
    db.enrolment.findMany({ where: { classId: ctx.cls.id }, select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } }),
    db.discussionGroup.findMany({ where: { assignmentId }, orderBy: { name: "asc" }, select: { id: true, name: true, members: { select: { user: { select: { id: true, name: true } } } } } }),
  ]);
  const views = shapePosts(ctx.viewer, ctx.settings, rows, (a) => texts.get(a));
  const authorOf = new Map(rows.map((r) => [r.id, r.authorId]));
  const posts = views.map((v) => ({ ...v, authorId: authorOf.get(v.id)! }));
  const live = rows.filter((r) => r.kind !== "note" && !r.deletedAt);
  const byStudent = new Map<string, ParticipationRow>(
    roster.map(({ user }) => [user.id, { userId: user.id, name: user.name, email: user.email, posts: 0, replies: 0, questions: 0, claims: 0, words: 0, helpfulReceived: 0 }]),
  );
  const talkedAbout: Record<string, number> = {};
  const cited: Record<string, number> = {};
  for (const r of live) {
    talkedAbout[r.paragraphAnchor] = (talkedAbout[r.paragraphAnchor] ?? 0) + 1;
    if (r.kind === "claim") for (const c of r.citedAnchors.split(" ").filter(Boolean)) cited[c] = (cited[c] ?? 0) + 1;
    const p = byStudent.get(r.authorId);
    if (!p) continue;
    if (r.parentId) p.replies++;
    else p.posts++;
    if (r.kind === "question") p.questions++;
    if (r.kind === "claim") p.claims++;
    p.words += wordCount(r.body);
    p.helpfulReceived += r.helpfulCount;
  }
  const childrenOf = new Map<string, typeof live>();
  for (const r of live) if (r.parentId) childrenOf.set(r.parentId, [...(childrenOf.get(r.parentId) ?? []), r]);
  const answered = (id: string): boolean =>
    (childrenOf.get(id) ?? []).some((c) => c.endorsedAt !== null || c.authorIsInstructor || answered(c.id));
  const openIds = new Set(live.filter((r) => r.kind === "question" && !r.hiddenAt && !r.endorsedAt && !answered(r.id)).map((r) => r.id));
  return {
    assignmentId,
    settings: ctx.settings,
    groups: groups.map((g) => ({ id: g.id, name: g.name, members: g.members.map((m) => m.user) })),
    prompts: prompts.map((p) => ({ id: p.id, paragraph: p.paragraphAnchor, body: p.body, requireClaim: p.requireClaim, answered: false })),
    participation: [...byStudent.values()],
    talkedAbout,
    cited,
    openQuestions: posts.filter((p) => openIds.has(p.id)),
    posts,
    paragraphs: [...texts.keys()],
  };
}
