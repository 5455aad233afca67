"use client";

import { useCallback, useEffect, useRef, useState } from "react";

interface OpenNote {
  /** The id of what is shown: note-<slug> or event-<slug>. */
  key: string;
  kind: "note" | "event";
  title: string;
  html: string;
  /** Opened by the reader (stays until closed), or following the paragraph in view. */
  pinned: boolean;
}

const DESKTOP = "(min-width: 1024px)";

/** The links that open something beside the text, and where that thing is in the page. */
const OPENERS = "a[data-note], a[data-event]";
function targetOf(link: Element): { key: string; kind: OpenNote["kind"] } | null {
  const note = link.getAttribute("data-note");
  if (note) return { key: `note-${note}`, kind: "note" };
  const event = link.getAttribute("data-event");
  return event ? { key: `event-${event}`, kind: "event" } : null;
}

/**
 * Shows a note, or a timeline event, beside the text. Every note and event is already in the
 * page (the notes part and the timeline below the document, server-rendered, so nothing here
 * is needed without JavaScript); this component copies the one the reader asks for into a
 * sticky side panel, or a drawer on a phone, and on a wide screen follows the paragraph being
 * read to show its context note.
 */
export function ContextPanel({ contextNotes }: { contextNotes: { slug: string; title: string }[] }) {
  const [note, setNote] = useState<OpenNote | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const pinnedRef = useRef(false);
  /** The drawer closes because the reader followed a link in it: let the link, not the opener, take focus. */
  const followingLink = useRef(false);

  const copyNote = useCallback((key: string, kind: OpenNote["kind"], pinned: boolean): OpenNote | null => {
    const source = document.getElementById(key);
    if (!source) return null;
    const copy = source.cloneNode(true) as HTMLElement;
    // The copy must not duplicate ids or landmarks of the original, nor its timeline decoration.
    copy.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));
    copy.querySelectorAll("[data-panel-skip]").forEach((el) => el.remove());
    copy.querySelectorAll("h3").forEach((h) => h.remove());
    copy.querySelectorAll("nav").forEach((nav) => {
      const plain = document.createElement("div");
      plain.append(...nav.childNodes);
      nav.replaceWith(plain);
    });
    const title = source.querySelector("h3")?.textContent ?? "";
    return { key, kind, title, html: copy.innerHTML, pinned };
  }, []);

  const close = useCallback(() => {
    pinnedRef.current = false;
    setNote(null);
    dialogRef.current?.close();
    returnTo.current?.focus();
  }, []);

  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = (event.target as Element | null)?.closest?.(OPENERS);
      const target = link ? targetOf(link) : null;
      const opened = target ? copyNote(target.key, target.kind, true) : null;
      if (!link || !opened) return;
      event.preventDefault();
      returnTo.current = link as HTMLElement;
      pinnedRef.current = true;
      setNote(opened);
      if (window.matchMedia(DESKTOP).matches) {
        requestAnimationFrame(() => headingRef.current?.focus());
      } else if (dialogRef.current && !dialogRef.current.open) {
        dialogRef.current.showModal();
      }
    }
    function onKey(event: KeyboardEvent) {
      if (event.key === "Escape" && pinnedRef.current && window.matchMedia(DESKTOP).matches) close();
    }
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKey);

    // Follow the paragraph in the reading band (upper middle of the screen) on wide screens.
    const observer = new IntersectionObserver(
      (entries) => {
        if (pinnedRef.current || !window.matchMedia(DESKTOP).matches) return;
        const visible = entries.filter((e) => e.isIntersecting).map((e) => e.target as HTMLElement);
        const withNotes = visible.find((el) => el.dataset.notes);
        if (!withNotes) return;
        const slug = withNotes.dataset.notes!.split(" ")[0]!;
        setNote((current) => (current?.key === `note-${slug}` ? current : copyNote(`note-${slug}`, "note", false)));
      },
      { rootMargin: "-25% 0px -55% 0px" },
    );
    document.querySelectorAll("[data-paragraph][data-notes]").forEach((el) => observer.observe(el));
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKey);
      observer.disconnect();
    };
  }, [close, copyNote]);

  const body = note ? (
    <div className="note-copy prose-note text-[0.95rem] leading-relaxed" dangerouslySetInnerHTML={{ __html: note.html }} />
  ) : null;

  return (
    <>
      <div className="context-aside no-print sticky top-4 hidden max-h-[calc(100vh-2rem)] overflow-y-auto rounded-lg border border-line bg-white p-4 shadow-sm lg:block" aria-label="Notes beside the text" role="complementary">
        {note ? (
          <>
            <div className="flex items-start justify-between gap-2">
              <p className="text-xs font-semibold uppercase tracking-wide text-muted">{note.kind === "event" ? "Timeline" : note.pinned ? "Note" : "Beside this passage"}</p>
              {note.pinned ? (
                <button type="button" onClick={close} className="btn-secondary -mt-1 px-3 py-1 text-xs" aria-label="Close the note and go back to the text">
                  Close
                </button>
              ) : null}
            </div>
            <h2 ref={headingRef} tabIndex={-1} className="mt-1 text-lg font-bold">
              {note.title}
            </h2>
            {body}
          </>
        ) : (
          <>
            <h2 className="text-lg font-bold">Context for this reading</h2>
            <p className="mt-2 text-sm text-muted">
              Notes appear here as you read. Select a name or term with a dotted underline to see who or what it is, or a timeline chip to see the event.
            </p>
            <ul className="mt-3 space-y-1 text-sm">
              {contextNotes.map((n) => (
                <li key={n.slug}>
                  <a href={`#note-${n.slug}`} data-note={n.slug}>
                    {n.title}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {/* Clicks inside are delegated from the links they land on (which have their own keyboard use). */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
      <dialog
        ref={dialogRef}
        aria-labelledby="drawer-title"
        onClose={() => {
          pinnedRef.current = false;
          setNote(null);
          if (followingLink.current) followingLink.current = false;
          else returnTo.current?.focus();
        }}
        onClick={(event) => {
          // A passage link in the drawer ("Part 3, ¶ 41") goes to the text: close the drawer over it.
          const link = (event.target as Element).closest("a[href^='#']");
          if (link && !link.matches(OPENERS)) {
            followingLink.current = true;
            dialogRef.current?.close();
          }
        }}
        className="no-print fixed inset-x-0 bottom-0 top-auto m-0 max-h-[80vh] w-full max-w-none overflow-y-auto rounded-t-2xl border border-line bg-white p-5 shadow-2xl backdrop:bg-black/40 lg:hidden"
      >
        <div className="flex items-start justify-between gap-3">
          <h2 id="drawer-title" className="text-lg font-bold">
            {note?.title}
          </h2>
          <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={() => dialogRef.current?.close()}>
            Close
          </button>
        </div>
        {body}
      </dialog>
    </>
  );
}
