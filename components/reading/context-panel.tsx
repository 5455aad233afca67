"use client";

import { useCallback, useEffect, useRef, useState } from "react";

interface OpenNote {
  slug: string;
  title: string;
  html: string;
  /** Opened by the reader (stays until closed), or following the paragraph in view. */
  pinned: boolean;
}

const DESKTOP = "(min-width: 1024px)";

/**
 * Shows a note beside the text. Every note is already in the page (the notes part below the
 * document, server-rendered, so nothing here is needed without JavaScript); this component
 * copies the one the reader asks for into a sticky side panel, or a drawer on a phone, and on
 * a wide screen follows the paragraph being read to show its context note.
 */
export function ContextPanel({ contextNotes }: { contextNotes: { slug: string; title: string }[] }) {
  const [note, setNote] = useState<OpenNote | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const pinnedRef = useRef(false);

  const copyNote = useCallback((slug: string, pinned: boolean): OpenNote | null => {
    const source = document.getElementById(`note-${slug}`);
    if (!source) return null;
    const copy = source.cloneNode(true) as HTMLElement;
    // The copy must not duplicate ids or landmarks of the original.
    copy.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));
    copy.querySelectorAll("h3").forEach((h) => h.remove());
    copy.querySelectorAll("nav").forEach((nav) => {
      const plain = document.createElement("div");
      plain.append(...nav.childNodes);
      nav.replaceWith(plain);
    });
    const title = source.querySelector("h3")?.textContent ?? "";
    return { slug, title, html: copy.innerHTML, pinned };
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
      const link = (event.target as Element | null)?.closest?.("a[data-note]");
      if (!link) return;
      const slug = link.getAttribute("data-note");
      const opened = slug ? copyNote(slug, true) : null;
      if (!opened) return;
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
        setNote((current) => (current?.slug === slug ? current : copyNote(slug, false)));
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
              <p className="text-xs font-semibold uppercase tracking-wide text-muted">{note.pinned ? "Note" : "Beside this passage"}</p>
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
              Notes appear here as you read. Select a name or term with a dotted underline to see who or what it is.
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
      <dialog
        ref={dialogRef}
        aria-labelledby="drawer-title"
        onClose={() => {
          pinnedRef.current = false;
          setNote(null);
          returnTo.current?.focus();
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
