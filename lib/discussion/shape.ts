import {
  canSeeAnnotation,
  canSeeAuthorName,
  type DiscussionSettingsFacts,
  type DiscussionViewer,
} from "@/lib/authz/policy";
import { reanchor } from "./anchor";

/** A post as stored, with what the rules need about its author. */
export interface PostRow {
  id: string;
  parentId: string | null;
  promptId: string | null;
  kind: string;
  body: string;
  paragraphAnchor: string;
  quoteExact: string | null;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  citedAnchors: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  pinnedAt: Date | null;
  endorsedAt: Date | null;
  authorId: string;
  authorName: string;
  authorIsInstructor: boolean;
  authorGroupId: string | null;
  helpfulCount: number;
  helpfulByViewer: boolean;
}

/** What a browser receives: nothing the viewer may not know (no author id when anonymous, no hidden posts for students). */
export interface PostView {
  id: string;
  parentId: string | null;
  promptId: string | null;
  kind: string;
  /** Empty for a deleted post kept as "post deleted" for its replies. */
  body: string;
  paragraph: string;
  /** Null: the whole paragraph. */
  quote: { exact: string; prefix: string; suffix: string; start: number; end: number } | null;
  /** The quote is no longer found in the paragraph's current text: shown with its quote, not highlighted. */
  orphaned: boolean;
  cited: string[];
  author: { name: string; mine: boolean; instructor: boolean; key: string };
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  hidden: boolean;
  pinned: boolean;
  endorsed: boolean;
  helpful: number;
  helpfulByMe: boolean;
}

/**
 * The posts one viewer gets, in creation order:
 *  - each post passes canSeeAnnotation (hidden, notes, groups, post-before-see);
 *  - a reply only with its visible thread (so no reply ever leaks a thread the viewer cannot see);
 *  - a deleted post only as a "post deleted" placeholder, and only when it has visible replies;
 *  - classmates' names replaced by "Classmate N" when the discussion is anonymous (N stable for
 *    the assignment: the order in which authors first posted), author ids replaced by opaque keys.
 * `paragraphText` gives each paragraph's current text for re-anchoring; undefined: paragraph gone.
 */
export function shapePosts(
  viewer: DiscussionViewer,
  settings: DiscussionSettingsFacts,
  rows: readonly PostRow[],
  paragraphText: (anchor: string) => string | undefined,
): PostView[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rootOf = (r: PostRow): PostRow => {
    let at = r;
    for (let i = 0; at.parentId && i < 50; i++) at = byId.get(at.parentId) ?? at;
    return at;
  };
  const seen = new Map<string, boolean>();
  const visible = (r: PostRow): boolean => {
    const cached = seen.get(r.id);
    if (cached !== undefined) return cached;
    const root = rootOf(r);
    let ok = canSeeAnnotation(viewer, settings, {
      authorId: r.authorId,
      authorIsInstructor: r.authorIsInstructor,
      authorGroupId: r.authorGroupId,
      kind: r.kind,
      promptId: root.promptId,
      hidden: r.hiddenAt !== null,
      deleted: r.deletedAt !== null,
    });
    if (ok && r.parentId) {
      const parent = byId.get(r.parentId);
      ok = parent !== undefined && visible(parent);
    }
    seen.set(r.id, ok);
    return ok;
  };
  const shown = rows.filter(visible);
  // A deleted post stays only as a placeholder for its visible, not-deleted descendants.
  const hasLiveReply = new Set<string>();
  for (const r of [...shown].reverse()) {
    if ((r.deletedAt === null || hasLiveReply.has(r.id)) && r.parentId) hasLiveReply.add(r.parentId);
  }
  const kept = shown.filter((r) => r.deletedAt === null || hasLiveReply.has(r.id));

  const pseudonyms = new Map<string, number>();
  for (const r of [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    if (!r.authorIsInstructor && !pseudonyms.has(r.authorId)) pseudonyms.set(r.authorId, pseudonyms.size + 1);
  }

  return kept.map((r) => {
    const deleted = r.deletedAt !== null;
    const named = canSeeAuthorName(viewer, settings, r);
    const mine = r.authorId === viewer.id;
    const n = pseudonyms.get(r.authorId);
    let quote: PostView["quote"] = null;
    let orphaned = false;
    if (!r.parentId) {
      const text = paragraphText(r.paragraphAnchor);
      if (r.quoteExact !== null) {
        const stored = { exact: r.quoteExact, prefix: r.quotePrefix ?? "", suffix: r.quoteSuffix ?? "", start: r.quoteStart ?? 0, end: r.quoteEnd ?? 0 };
        const found = text === undefined ? ({ status: "orphaned" } as const) : reanchor(text, stored);
        quote = found.status === "anchored" ? { ...stored, start: found.start, end: found.end } : stored;
        orphaned = found.status === "orphaned";
      } else orphaned = text === undefined;
    }
    return {
      id: r.id,
      parentId: r.parentId,
      promptId: r.promptId,
      kind: r.kind,
      body: deleted ? "" : r.body,
      paragraph: r.paragraphAnchor,
      quote,
      orphaned,
      cited: deleted ? [] : r.citedAnchors.split(" ").filter(Boolean),
      author: {
        name: deleted ? "" : mine ? `${r.authorName} (you)` : named ? r.authorName : `Classmate ${n ?? "?"}`,
        mine,
        instructor: r.authorIsInstructor,
        key: named ? r.authorId : `anon-${n ?? 0}`,
      },
      createdAt: r.createdAt.toISOString(),
      editedAt: r.editedAt?.toISOString() ?? null,
      deleted,
      hidden: r.hiddenAt !== null,
      pinned: r.pinnedAt !== null,
      endorsed: r.endorsedAt !== null,
      helpful: r.helpfulCount,
      helpfulByMe: r.helpfulByViewer,
    };
  });
}
