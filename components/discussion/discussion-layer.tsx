"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DiscussionLayer as Layer } from "@/lib/data/discussion";
import type { PostView } from "@/lib/discussion/shape";
import { describeSpan } from "@/lib/discussion/anchor";
import { useEventStream } from "@/lib/realtime/use-event-stream";
import { PostBody } from "./post-body";
import { offsetAtPoint, paragraphElement, paragraphText, rangeFor, selectionInParagraph, setHighlight } from "./highlights";

const KINDS = [
  { id: "comment", label: "Comment" },
  { id: "question", label: "Question" },
  { id: "claim", label: "Claim with evidence" },
  { id: "note", label: "Private note" },
] as const;
type Kind = (typeof KINDS)[number]["id"];

interface Target {
  paragraph: string;
  quote: { exact: string; prefix: string; suffix: string; start: number; end: number } | null;
  promptId?: string | null;
}

const pnum = (anchor: string) => anchor.replace(/^p-/, "");
const parseCited = (s: string): string[] => [...new Set((s.match(/\d{1,5}/g) ?? []).map((n) => `p-${Number(n)}`))];

function useDraft(key: string): [string, (v: string) => void, () => void] {
  const [value, setValue] = useState("");
  useEffect(() => {
    try {
      setValue(localStorage.getItem(key) ?? "");
    } catch {
      /* storage off: drafts live in memory only */
    }
  }, [key]);
  const set = useCallback(
    (v: string) => {
      setValue(v);
      try {
        if (v) localStorage.setItem(key, v);
        else localStorage.removeItem(key);
      } catch {
        /* ignore */
      }
    },
    [key],
  );
  return [value, set, () => set("")];
}

async function send(url: string, method: string, body?: unknown): Promise<{ ok: true; data: unknown } | { ok: false; message: string }> {
  try {
    const res = await fetch(url, { method, headers: body === undefined ? {} : { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!res.ok) return { ok: false, message: data?.error?.message ?? `The server answered ${res.status}. Your text is kept; try again.` };
    return { ok: true, data };
  } catch {
    return { ok: false, message: "No connection. Your text is kept on this device; try again when you are back online." };
  }
}

/**
 * The discussion on an assignment's reading: a client island that fetches its own layer, draws
 * highlights with the CSS Custom Highlight API (never touching the document's DOM), and keeps a
 * panel (a drawer on phones) of threads. Mounted with one line in the assignment page.
 */
export function DiscussionLayer({ assignmentId }: { assignmentId: string }) {
  const base = `/api/assignments/${assignmentId}/discussion`;
  const [layer, setLayer] = useState<Layer | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [composer, setComposer] = useState<Target | null>(null);
  const [selection, setSelection] = useState<Target | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [filter, setFilter] = useState<"all" | "mine" | "questions">("all");
  const [seen, setSeen] = useState<Record<string, string>>({});
  const [announce, setAnnounce] = useState("");
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const res = await fetch(base, { cache: "no-store" });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setLoadError(body?.error?.message ?? "The discussion could not be loaded.");
        return;
      }
      setLayer((await res.json()) as Layer);
      setLoadError(null);
    } catch {
      setLoadError("The discussion could not be loaded (no connection). It will appear when you are back online.");
    }
  }, [base]);

  useEffect(() => {
    void load();
  }, [load]);

  const [cursor, setCursor] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (layer && cursor === undefined) setCursor(layer.cursor);
  }, [layer, cursor]);
  const streamState = useEventStream(
    `${base}/events`,
    () => {
      clearTimeout(reloadTimer.current);
      reloadTimer.current = setTimeout(() => void load(), 150);
    },
    { after: cursor, enabled: cursor !== undefined },
  );

  const posts = useMemo(() => layer?.posts ?? [], [layer]);
  // Threads and their replies (flat, in order), computed once per layer: the panel and the
  // highlights read these maps instead of walking the posts again (1,000 threads must stay cheap).
  const { roots, repliesByRoot } = useMemo(() => {
    const byId = new Map(posts.map((p) => [p.id, p]));
    const rootIdOf = new Map<string, string>();
    const find = (p: PostView): string => {
      const known = rootIdOf.get(p.id);
      if (known) return known;
      const parent = p.parentId ? byId.get(p.parentId) : undefined;
      const r = parent ? find(parent) : p.id;
      rootIdOf.set(p.id, r);
      return r;
    };
    const replies = new Map<string, PostView[]>();
    const rs: PostView[] = [];
    for (const p of posts) {
      if (!p.parentId) rs.push(p);
      else {
        const r = find(p);
        const list = replies.get(r);
        if (list) list.push(p);
        else replies.set(r, [p]);
      }
    }
    return { roots: rs, repliesByRoot: replies };
  }, [posts]);
  const allReplies = useCallback((rootId: string): PostView[] => repliesByRoot.get(rootId) ?? [], [repliesByRoot]);

  // "New replies" on my threads: the newest reply time seen per thread, kept on this device.
  const seenKey = `dossier-seen:${assignmentId}`;
  useEffect(() => {
    if (!layer) return;
    let stored: Record<string, string> | null = null;
    try {
      stored = JSON.parse(localStorage.getItem(seenKey) ?? "null") as Record<string, string> | null;
    } catch {
      stored = null;
    }
    if (stored) setSeen(stored);
    else {
      const now: Record<string, string> = {};
      for (const r of roots) now[r.id] = new Date().toISOString();
      setSeen(now);
      try {
        localStorage.setItem(seenKey, JSON.stringify(now));
      } catch {
        /* ignore */
      }
    }
    // Only on first load: later loads are compared with what was stored.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layer === null]);
  const myThreads = useMemo(() => new Set(roots.filter((r) => r.author.mine || allReplies(r.id).some((x) => x.author.mine)).map((r) => r.id)), [roots, allReplies]);
  const newThreads = useMemo(
    () => new Set([...myThreads].filter((id) => allReplies(id).some((r) => !r.author.mine && r.createdAt > (seen[id] ?? "")))),
    [myThreads, allReplies, seen],
  );
  const hasNew = useCallback((rootId: string) => newThreads.has(rootId), [newThreads]);
  const markSeen = useCallback(
    (rootId: string) => {
      setSeen((s) => {
        const next = { ...s, [rootId]: new Date().toISOString() };
        try {
          localStorage.setItem(seenKey, JSON.stringify(next));
        } catch {
          /* ignore */
        }
        return next;
      });
    },
    [seenKey],
  );

  // Highlights: every anchored thread, and the open one, as two named highlights. Ranges are kept
  // between layers (the document never changes), and new ones are built in slices of ~10 ms so a
  // thousand of them never make one long task.
  const rangeCache = useRef(new Map<string, Range | null>());
  useEffect(() => {
    let cancelled = false;
    let i = 0;
    const all: Range[] = [];
    const active: Range[] = [];
    const step = () => {
      if (cancelled) return;
      const until = performance.now() + 10;
      for (; i < roots.length && performance.now() < until; i++) {
        const r = roots[i]!;
        if (r.orphaned || r.deleted) continue;
        const key = `${r.paragraph}:${r.quote ? `${r.quote.start}-${r.quote.end}` : "all"}`;
        let range = rangeCache.current.get(key);
        if (range === undefined) {
          range = rangeFor(r.paragraph, r.quote);
          rangeCache.current.set(key, range);
        }
        if (range) (r.id === activeThread ? active : all).push(range);
      }
      if (i < roots.length) return void setTimeout(step, 0);
      setHighlight("dossier-annotation", all);
      setHighlight("dossier-annotation-active", active);
    };
    step();
    return () => {
      cancelled = true;
    };
  }, [roots, activeThread]);
  useEffect(
    () => () => {
      setHighlight("dossier-annotation", []);
      setHighlight("dossier-annotation-active", []);
    },
    [],
  );

  // Prompts are marked in the margin of their paragraph by a highlight of the whole paragraph.
  useEffect(() => {
    const ranges = (layer?.prompts ?? []).map((p) => rangeFor(p.paragraph, null)).filter((r): r is Range => r !== null);
    setHighlight("dossier-prompt", ranges);
    return () => setHighlight("dossier-prompt", []);
  }, [layer?.prompts]);

  // Selecting words (mouse or touch) offers "Annotate"; clicking highlighted words opens their thread.
  useEffect(() => {
    let t: ReturnType<typeof setTimeout> | undefined;
    const onSelection = () => {
      clearTimeout(t);
      t = setTimeout(() => {
        const s = selectionInParagraph(document.getSelection());
        if (!s) return setSelection(null);
        setSelection({ paragraph: s.anchor, quote: describeSpan(s.text, s.start, s.end) });
      }, 120);
    };
    const onClick = (e: MouseEvent) => {
      if (!(e.target instanceof Element) || e.target.closest("[data-discussion-ui],a,button")) return;
      const sel = document.getSelection();
      if (sel && !sel.isCollapsed) return;
      const at = offsetAtPoint(e.clientX, e.clientY);
      if (!at) return;
      const hit = roots.find((r) => !r.orphaned && r.paragraph === at.anchor && r.quote && at.offset >= r.quote.start && at.offset < r.quote.end);
      if (hit) {
        setActiveThread(hit.id);
        setOpen(true);
        markSeen(hit.id);
      }
    };
    document.addEventListener("selectionchange", onSelection);
    document.addEventListener("click", onClick);
    return () => {
      clearTimeout(t);
      document.removeEventListener("selectionchange", onSelection);
      document.removeEventListener("click", onClick);
    };
  }, [roots, markSeen]);

  const sortedThreads = useMemo(
    () => [...roots].sort((a, b) => Number(b.pinned) - Number(a.pinned) || Number(newThreads.has(b.id)) - Number(newThreads.has(a.id)) || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)),
    [roots, newThreads],
  );

  if (loadError && !layer) {
    return (
      <div data-discussion-ui="" className="no-print fixed bottom-4 right-4 z-30 max-w-xs rounded-md border border-line bg-white p-3 text-sm shadow" role="status">
        {loadError}
      </div>
    );
  }
  if (!layer) return null;

  const promptById = new Map(layer.prompts.map((p) => [p.id, p]));
  const shown = sortedThreads.filter((r) => filter === "all" || (filter === "mine" ? myThreads.has(r.id) : r.kind === "question"));
  const active = activeThread ? roots.find((r) => r.id === activeThread) ?? null : null;
  const newCount = newThreads.size;

  const startComposer = (target: Target) => {
    setComposer(target);
    setActiveThread(null);
    setOpen(true);
    setSelection(null);
  };

  return (
    <div data-discussion-ui="" className="no-print">
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      {selection && layer.me.canPost ? (
        <div className="fixed inset-x-0 bottom-16 z-40 flex justify-center px-4 sm:bottom-20">
          <button type="button" onClick={() => startComposer(selection)} className="max-w-full truncate rounded-full bg-accent px-4 py-2 font-sans text-sm font-semibold text-white shadow-lg">
            Annotate “{selection.quote!.exact.length > 40 ? `${selection.quote!.exact.slice(0, 40)}…` : selection.quote!.exact}”
          </button>
        </div>
      ) : null}
      <div className="pointer-events-none fixed bottom-4 left-4 right-4 z-30 flex flex-wrap justify-end gap-2 [&>*]:pointer-events-auto">
        {layer.me.canPost ? (
          <button type="button" onClick={() => setPickerOpen(true)} className="rounded-full border border-line bg-white px-4 py-2 font-sans text-sm font-semibold shadow">
            Annotate a paragraph
          </button>
        ) : null}
        <button
          type="button"
          aria-expanded={open}
          aria-controls="discussion-panel"
          onClick={() => setOpen((o) => !o)}
          className="rounded-full bg-ink px-4 py-2 font-sans text-sm font-semibold text-white shadow"
        >
          Discussion ({roots.filter((r) => r.kind !== "note").length}){newCount ? ` · ${newCount} new` : ""}
        </button>
      </div>

      {pickerOpen ? (
        <ParagraphPicker
          onCancel={() => setPickerOpen(false)}
          onChoose={(t) => {
            setPickerOpen(false);
            startComposer(t);
          }}
        />
      ) : null}

      {open ? (
        // On a phone the drawer is placed from the top, not the bottom: on a page wider than the
        // screen the layout viewport is taller than what is visible, and a bottom-anchored drawer
        // put its buttons below the screen.
        <aside
          id="discussion-panel"
          aria-label="Discussion"
          className="fixed inset-x-0 top-[16vh] z-40 flex h-[80vh] flex-col overflow-hidden rounded-t-xl border border-line bg-white font-sans text-sm shadow-2xl lg:inset-y-0 lg:left-auto lg:right-0 lg:h-auto lg:w-[28rem] lg:rounded-none"
        >
          <div className="flex items-center justify-between border-b border-line px-4 py-3">
            <h2 className="text-base font-semibold">Discussion</h2>
            <span className="text-xs text-muted" role="status">
              {streamState === "live" ? "Live" : streamState === "polling" ? "Live (slow connection mode)" : streamState === "offline" ? "Reconnecting…" : "Connecting…"}
            </span>
            <button type="button" onClick={() => setOpen(false)} className="rounded border border-line px-2 py-1">
              Close
            </button>
          </div>
          {layer.me.canModerate ? (
            <p className="border-b border-line px-4 py-2">
              <a href={`/assignments/${assignmentId}/discussion`}>Instructor view: participation, open questions, settings, prompts, export</a>
            </p>
          ) : null}
          <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
            {composer ? (
              <Composer
                key={`${composer.paragraph}:${composer.quote?.start ?? "p"}:${composer.promptId ?? ""}`}
                base={base}
                assignmentId={assignmentId}
                target={composer}
                prompts={layer.prompts}
                onCancel={() => setComposer(null)}
                onPosted={async () => {
                  setComposer(null);
                  setAnnounce("Your post was published.");
                  await load();
                }}
              />
            ) : active ? (
              <Thread
                base={base}
                assignmentId={assignmentId}
                root={active}
                replies={allReplies(active.id)}
                layer={layer}
                prompt={active.promptId ? promptById.get(active.promptId) : undefined}
                onBack={() => setActiveThread(null)}
                reload={load}
                announce={setAnnounce}
              />
            ) : (
              <>
                {layer.prompts.length ? (
                  <section aria-labelledby="prompts-title" className="mb-4">
                    <h3 id="prompts-title" className="font-semibold">
                      Prompts from your instructor
                    </h3>
                    <ul className="mt-2 space-y-2">
                      {layer.prompts.map((p) => (
                        <li key={p.id} className="rounded-md border border-amber-300 bg-amber-50 p-3" data-prompt={p.id}>
                          <p className="text-xs font-semibold uppercase text-muted">
                            <a href={`#${p.paragraph}`}>¶ {pnum(p.paragraph)}</a>
                            {p.requireClaim ? " · answer with a claim and evidence" : ""}
                          </p>
                          <p className="mt-1">{p.body}</p>
                          {layer.settings.visibility === "post-before-see" && layer.me.isStudent && !p.answered ? (
                            <p className="mt-1 text-xs text-muted">Post your own answer to see your classmates’ answers.</p>
                          ) : null}
                          {layer.me.canPost ? (
                            <button type="button" className="mt-2 rounded border border-line bg-white px-2 py-1" onClick={() => startComposer({ paragraph: p.paragraph, quote: null, promptId: p.id })}>
                              Answer this prompt
                            </button>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                <div role="group" aria-label="Show" className="mb-3 flex gap-1">
                  {(["all", "mine", "questions"] as const).map((f) => (
                    <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)} className={`rounded border px-2 py-1 ${filter === f ? "border-ink bg-ink text-white" : "border-line"}`}>
                      {f === "all" ? "All threads" : f === "mine" ? `My threads${newCount ? ` (${newCount} new)` : ""}` : "Questions"}
                    </button>
                  ))}
                </div>
                {shown.length === 0 ? <p className="text-muted">No threads yet. Select words in the text, or use “Annotate a paragraph”.</p> : null}
                <ThreadList
                  roots={shown}
                  count={(id) => allReplies(id).length}
                  hasNew={hasNew}
                  onOpen={(id) => {
                    setActiveThread(id);
                    markSeen(id);
                    const r = roots.find((x) => x.id === id);
                    if (r) paragraphElement(r.paragraph)?.scrollIntoView({ block: "center" });
                  }}
                />
              </>
            )}
          </div>
        </aside>
      ) : null}
    </div>
  );
}

function ThreadList({ roots, count, hasNew, onOpen }: { roots: PostView[]; count: (id: string) => number; hasNew: (id: string) => boolean; onOpen: (id: string) => void }) {
  const [limit, setLimit] = useState(25);
  return (
    <>
      <ul className="space-y-2">
        {roots.slice(0, limit).map((r) => (
          <li key={r.id}>
            <button type="button" onClick={() => onOpen(r.id)} className="w-full rounded-md border border-line p-3 text-left hover:bg-stone-50" data-thread={r.id}>
              <span className="block text-xs text-muted">
                ¶ {pnum(r.paragraph)} · {KINDS.find((k) => k.id === r.kind)?.label ?? r.kind} · {r.deleted ? "post deleted" : r.author.name}
                {r.pinned ? " · pinned" : ""}
                {r.endorsed ? " · endorsed" : ""}
                {r.hidden ? " · hidden from students" : ""}
                {r.orphaned ? " · the quoted words are no longer in the text" : ""}
              </span>
              {r.quote ? <span className="mt-1 block border-l-2 border-amber-400 pl-2 italic text-muted">“{r.quote.exact}”</span> : null}
              <span className="mt-1 line-clamp-2 block">{r.deleted ? "Post deleted" : r.body.replace(/\*([^*\n]+)\*/g, "$1")}</span>
              <span className="mt-1 block text-xs text-muted">
                {count(r.id)} {count(r.id) === 1 ? "reply" : "replies"}
                {hasNew(r.id) ? <strong className="ml-2 rounded bg-accent px-1.5 py-0.5 text-white">New replies</strong> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {roots.length > limit ? (
        <button type="button" className="mt-3 rounded border border-line px-3 py-1" onClick={() => setLimit((l) => l + 100)}>
          Show more threads ({roots.length - limit} more)
        </button>
      ) : null}
    </>
  );
}

function Thread({
  base,
  assignmentId,
  root,
  replies,
  layer,
  prompt,
  onBack,
  reload,
  announce,
}: {
  base: string;
  assignmentId: string;
  root: PostView;
  replies: PostView[];
  layer: Layer;
  prompt?: Layer["prompts"][number];
  onBack: () => void;
  reload: () => Promise<void>;
  announce: (s: string) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [root.id]);
  return (
    <section aria-labelledby="thread-title">
      <button type="button" onClick={onBack} className="mb-2 rounded border border-line px-2 py-1">
        ← All threads
      </button>
      <h3 id="thread-title" ref={heading} tabIndex={-1} className="font-semibold">
        Thread on <a href={`#${root.paragraph}`}>¶ {pnum(root.paragraph)}</a>
      </h3>
      {prompt ? <p className="mt-1 rounded bg-amber-50 p-2 text-xs">Prompt: {prompt.body}</p> : null}
      {root.quote ? (
        <blockquote className="mt-2 border-l-2 border-amber-400 pl-2 italic text-muted">
          “{root.quote.exact}”{root.orphaned ? <span className="not-italic"> (these words are no longer in the text)</span> : null}
        </blockquote>
      ) : null}
      <ol className="mt-3 space-y-3">
        {[root, ...replies].map((p) => (
          <li key={p.id} className={p.parentId ? "ml-4 border-l border-line pl-3" : ""}>
            <Post base={base} assignmentId={assignmentId} post={p} layer={layer} reload={reload} announce={announce} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Post({ base, assignmentId, post, layer, reload, announce }: { base: string; assignmentId: string; post: PostView; layer: Layer; reload: () => Promise<void>; announce: (s: string) => void }) {
  const [mode, setMode] = useState<"view" | "edit" | "reply">("view");
  const [error, setError] = useState<string | null>(null);
  const act = async (url: string, method: string, body?: unknown, done?: string) => {
    const r = await send(url, method, body);
    if (!r.ok) return setError(r.message);
    setError(null);
    if (done) announce(done);
    await reload();
  };
  if (post.deleted) return <p className="italic text-muted">Post deleted</p>;
  return (
    <article aria-label={`${KINDS.find((k) => k.id === post.kind)?.label ?? post.kind} by ${post.author.name}`} data-post={post.id}>
      <p className="text-xs text-muted">
        <strong className="text-ink">{post.author.name}</strong>
        {post.author.instructor ? " (instructor)" : ""} · {KINDS.find((k) => k.id === post.kind)?.label}
        {post.editedAt ? " · edited" : ""}
        {post.pinned ? " · pinned" : ""}
        {post.endorsed ? " · endorsed by the instructor" : ""}
        {post.hidden ? " · hidden from students" : ""}
      </p>
      {mode === "edit" ? (
        <EditForm
          initial={post.body}
          draftKey={`dossier-draft:${assignmentId}:edit:${post.id}`}
          onCancel={() => setMode("view")}
          onSave={async (body) => {
            const r = await send(`${base}/posts/${post.id}`, "PATCH", { body });
            if (!r.ok) return r.message;
            setMode("view");
            announce("Your post was updated.");
            await reload();
            return null;
          }}
        />
      ) : (
        <div className="mt-1">
          <PostBody body={post.body} />
        </div>
      )}
      {post.cited.length ? (
        <p className="mt-1 text-xs">
          Evidence:{" "}
          {post.cited.map((c, i) => (
            <span key={c}>
              {i ? ", " : ""}
              <a href={`#${c}`}>¶ {pnum(c)}</a>
            </span>
          ))}
        </p>
      ) : null}
      <div className="mt-1 flex flex-wrap gap-2 text-xs">
        {layer.me.isStudent && !post.author.mine ? (
          <button type="button" aria-pressed={post.helpfulByMe} onClick={() => act(`${base}/posts/${post.id}/helpful`, "PUT", { helpful: !post.helpfulByMe })} className="rounded border border-line px-2 py-0.5">
            Helpful{post.helpful ? ` (${post.helpful})` : ""}
          </button>
        ) : post.helpful ? (
          <span className="px-1 py-0.5">Helpful: {post.helpful}</span>
        ) : null}
        {layer.me.canPost && post.kind !== "note" && !post.hidden ? (
          <button type="button" onClick={() => setMode(mode === "reply" ? "view" : "reply")} className="rounded border border-line px-2 py-0.5">
            Reply
          </button>
        ) : null}
        {post.author.mine ? (
          <>
            <button type="button" onClick={() => setMode("edit")} className="rounded border border-line px-2 py-0.5">
              Edit
            </button>
            <button
              type="button"
              onClick={() => {
                if (window.confirm("Delete this post? Replies to it stay.")) void act(`${base}/posts/${post.id}`, "DELETE", undefined, "Your post was deleted.");
              }}
              className="rounded border border-line px-2 py-0.5"
            >
              Delete
            </button>
          </>
        ) : null}
        {layer.me.canModerate ? (
          <>
            <button type="button" aria-pressed={post.endorsed} onClick={() => act(`${base}/posts/${post.id}/moderation`, "POST", { endorsed: !post.endorsed })} className="rounded border border-line px-2 py-0.5">
              {post.endorsed ? "Unendorse" : "Endorse"}
            </button>
            <button type="button" aria-pressed={post.pinned} onClick={() => act(`${base}/posts/${post.id}/moderation`, "POST", { pinned: !post.pinned })} className="rounded border border-line px-2 py-0.5">
              {post.pinned ? "Unpin" : "Pin"}
            </button>
            <button type="button" aria-pressed={post.hidden} onClick={() => act(`${base}/posts/${post.id}/moderation`, "POST", { hidden: !post.hidden })} className="rounded border border-line px-2 py-0.5">
              {post.hidden ? "Show to students" : "Hide from students"}
            </button>
          </>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-800">
          {error}
        </p>
      ) : null}
      {mode === "reply" ? (
        <div className="mt-2">
          <Composer
            base={base}
            assignmentId={assignmentId}
            target={{ paragraph: post.paragraph, quote: null }}
            parentId={post.id}
            prompts={[]}
            onCancel={() => setMode("view")}
            onPosted={async () => {
              setMode("view");
              announce("Your reply was published.");
              await reload();
            }}
          />
        </div>
      ) : null}
    </article>
  );
}

function EditForm({ initial, draftKey, onCancel, onSave }: { initial: string; draftKey: string; onCancel: () => void; onSave: (body: string) => Promise<string | null> }) {
  const [draft, setDraft, clear] = useDraft(draftKey);
  const [error, setError] = useState<string | null>(null);
  const value = draft || initial;
  return (
    <form
      className="mt-1"
      onSubmit={async (e) => {
        e.preventDefault();
        const problem = await onSave(value);
        if (problem) setError(problem);
        else clear();
      }}
    >
      <label className="sr-only" htmlFor={`${draftKey}-body`}>
        Edit your post
      </label>
      <textarea id={`${draftKey}-body`} value={value} onChange={(e) => setDraft(e.target.value)} rows={4} className="w-full rounded border border-line p-2 text-base" />
      {error ? (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      ) : null}
      <div className="mt-1 flex gap-2">
        <button type="submit" className="rounded bg-accent px-3 py-1 text-white">
          Save
        </button>
        <button
          type="button"
          onClick={() => {
            clear();
            onCancel();
          }}
          className="rounded border border-line px-3 py-1"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

function Composer({
  base,
  assignmentId,
  target,
  parentId,
  prompts,
  onCancel,
  onPosted,
}: {
  base: string;
  assignmentId: string;
  target: Target;
  parentId?: string;
  prompts: Layer["prompts"];
  onCancel: () => void;
  onPosted: () => Promise<void>;
}) {
  const where = parentId ? `reply:${parentId}` : `${target.paragraph}:${target.quote?.start ?? "all"}-${target.quote?.end ?? ""}:${target.promptId ?? ""}`;
  const [body, setBody, clearBody] = useDraft(`dossier-draft:${assignmentId}:${where}`);
  const prompt = target.promptId ? prompts.find((p) => p.id === target.promptId) : undefined;
  const [kind, setKind] = useState<Kind>(prompt?.requireClaim ? "claim" : "comment");
  const [cited, setCited] = useState(prompt?.requireClaim ? pnum(target.paragraph) : "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `composer-${where.replace(/[^a-z0-9-]/gi, "_")}`;
  const kinds = parentId ? KINDS.filter((k) => k.id !== "note") : KINDS;
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const r = await send(base, "POST", {
          kind,
          body,
          ...(parentId ? { parentId } : { paragraph: target.paragraph, quote: target.quote, promptId: target.promptId ?? null }),
          cited: kind === "claim" ? parseCited(cited) : [],
        });
        setBusy(false);
        if (!r.ok) return setError(r.message);
        clearBody();
        await onPosted();
      }}
    >
      <h3 id={`${id}-title`} className="font-semibold">
        {parentId ? "Reply" : `New post on ¶ ${pnum(target.paragraph)}`}
      </h3>
      {prompt ? <p className="mt-1 rounded bg-amber-50 p-2 text-xs">Prompt: {prompt.body}</p> : null}
      {target.quote ? <blockquote className="mt-1 border-l-2 border-amber-400 pl-2 italic text-muted">“{target.quote.exact}”</blockquote> : null}
      <fieldset className="mt-2">
        <legend className="text-xs font-semibold">Kind of post</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {kinds.map((k) => (
            <label key={k.id} className="flex items-center gap-1">
              <input type="radio" name={`${id}-kind`} value={k.id} checked={kind === k.id} onChange={() => setKind(k.id)} />
              {k.label}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor={`${id}-body`} className="mt-2 block text-xs font-semibold">
        Your {kind === "note" ? "note (only you will see it)" : parentId ? "reply" : "post"}
      </label>
      <textarea
        ref={area}
        id={`${id}-body`}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={5}
        maxLength={5000}
        aria-describedby={`${id}-help`}
        className="mt-1 w-full rounded border border-line p-2 text-base"
      />
      <p id={`${id}-help`} className="text-xs text-muted">
        *emphasis*, a blank line for a new paragraph, ¶ 53 links to a paragraph. Kept on this device until posted. {body.length}/5000
      </p>
      {kind === "claim" ? (
        <>
          <label htmlFor={`${id}-cited`} className="mt-2 block text-xs font-semibold">
            Evidence: paragraph numbers (e.g. 12, 40)
          </label>
          <input id={`${id}-cited`} value={cited} onChange={(e) => setCited(e.target.value)} inputMode="numeric" className="mt-1 w-full rounded border border-line p-2 text-base" />
        </>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 rounded bg-red-50 p-2 text-red-800">
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex gap-2">
        <button type="submit" disabled={busy} className="rounded bg-accent px-3 py-1 font-semibold text-white">
          {busy ? "Posting…" : parentId ? "Post reply" : "Post"}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-line px-3 py-1">
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The keyboard (and screen-reader) way in: choose a paragraph by number, then optionally the words. */
function ParagraphPicker({ onChoose, onCancel }: { onChoose: (t: Target) => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [n, setN] = useState("");
  const [words, setWords] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const text = /^\d+$/.test(n.trim()) ? paragraphText(`p-${Number(n)}`) : null;
  return (
    <dialog ref={ref} aria-labelledby="picker-title" onCancel={onCancel} data-discussion-ui="" className="m-auto w-[min(34rem,95vw)] rounded-lg border border-line p-4 font-sans text-sm backdrop:bg-black/40">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const anchor = `p-${Number(n)}`;
          const t = paragraphText(anchor);
          if (!/^\d+$/.test(n.trim()) || t === null) return setError("There is no paragraph with that number. The numbers are in the margin of the text (¶).");
          const w = words.trim();
          if (!w) return onChoose({ paragraph: anchor, quote: null });
          const start = t.indexOf(w);
          if (start < 0) return setError("Those words are not in that paragraph. Copy them exactly, or leave the field empty for the whole paragraph.");
          onChoose({ paragraph: anchor, quote: describeSpan(t, start, start + w.length) });
        }}
      >
        <h2 id="picker-title" className="text-base font-semibold">
          Annotate a paragraph
        </h2>
        <label htmlFor="picker-n" className="mt-3 block font-semibold">
          Paragraph number (¶)
        </label>
        <input id="picker-n" value={n} onChange={(e) => setN(e.target.value)} inputMode="numeric" autoComplete="off" className="mt-1 w-32 rounded border border-line p-2 text-base" />
        {text ? <p className="mt-2 max-h-32 overflow-y-auto rounded bg-stone-50 p-2 text-xs">{text}</p> : null}
        <label htmlFor="picker-words" className="mt-3 block font-semibold">
          Words in it (optional; empty means the whole paragraph)
        </label>
        <input id="picker-words" value={words} onChange={(e) => setWords(e.target.value)} className="mt-1 w-full rounded border border-line p-2 text-base" />
        {error ? (
          <p role="alert" className="mt-2 text-red-800">
            {error}
          </p>
        ) : null}
        <div className="mt-3 flex gap-2">
          <button type="submit" className="rounded bg-accent px-3 py-1 font-semibold text-white">
            Continue
          </button>
          <button type="button" onClick={onCancel} className="rounded border border-line px-3 py-1">
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
