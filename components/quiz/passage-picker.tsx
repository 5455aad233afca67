"use client";

import { useId, useMemo, useRef, useState } from "react";
import { choiceInputClass, foldText, groupBySection, paragraphLabel, paragraphNumber } from "@/components/quiz/players/parts";

/** A paragraph of the reading, as the pickers show it. */
export interface PickerPassage {
  anchor: string;
  sectionTitle: string;
  text: string;
}

/**
 * The chosen anchors with one ticked or unticked: known paragraphs in reading order (so the same
 * choice always gives the same list), then anchors that are not in this reading, kept as they were.
 */
export function toggleAnchor(value: readonly string[], anchor: string, on: boolean, passages: readonly PickerPassage[], max: number): string[] {
  const next = new Set(value);
  if (on) next.add(anchor);
  else next.delete(anchor);
  const known = new Set(passages.map((p) => p.anchor));
  const ordered = passages.map((p) => p.anchor).filter((a) => next.has(a));
  return [...ordered, ...[...next].filter((a) => !known.has(a))].slice(0, Math.max(max, value.length));
}

/**
 * The reading's paragraphs as a filterable checkbox list grouped by part of the reading, shared by
 * the question editor (paragraphs that count as evidence, or that a question points to) and the
 * student's evidence answer. Each paragraph is shown whole: evidence is chosen by what a paragraph
 * says, and its first line rarely says enough. Chosen paragraphs stay chosen when the search hides them. The list is
 * one tab stop: the arrow keys (and Home, End, Page Up, Page Down) move between paragraphs and Space
 * ticks one. The caller's fieldset, legend and "N chosen" wording go around it.
 */
export function PassagePicker({
  id,
  passages,
  value,
  onChange,
  max,
  listLabel,
  unavailableText,
  listClassName = "max-h-80",
}: {
  /** The search box is `${id}-filter`. */
  id: string;
  passages: readonly PickerPassage[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** Once this many are chosen, the others cannot be ticked. */
  max: number;
  /** The accessible name of the scrolling list. */
  listLabel: string;
  /** Shown instead of the list when there are no paragraphs at all. */
  unavailableText: string;
  /** The list's height. */
  listClassName?: string;
}) {
  const [filter, setFilter] = useState("");
  const uid = useId();
  const chosen = new Set(value);
  const full = chosen.size >= max;
  const known = useMemo(() => new Set(passages.map((p) => p.anchor)), [passages]);

  const needle = foldText(filter.trim().replace(/^¶\s*/, ""));
  const groups = useMemo(() => {
    const visible = needle ? passages.filter((p) => paragraphNumber(p.anchor) === needle || foldText(p.text).includes(needle)) : passages;
    return groupBySection(visible);
  }, [needle, passages]);
  const shown = groups.reduce((n, g) => n + g.passages.length, 0);
  const hiddenChosen = needle ? value.filter((a) => known.has(a) && !groups.some((g) => g.passages.some((p) => p.anchor === a))).length : 0;

  // One tab stop for the whole list (a reading has ~180 paragraphs): arrows move between them.
  const listRef = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const focusable = groups.flatMap((g) => g.passages.map((p) => p.anchor)).filter((a) => chosen.has(a) || !full);
  const tabStop = current && focusable.includes(current) ? current : (focusable.find((a) => chosen.has(a)) ?? focusable[0]);
  const onListKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const boxes = [...(listRef.current?.querySelectorAll<HTMLInputElement>("input[type=checkbox]:not(:disabled)") ?? [])];
    const i = boxes.indexOf(document.activeElement as HTMLInputElement);
    if (i < 0) return;
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: boxes.length - 1, PageDown: i + 10, PageUp: i - 10 };
    const j = moves[e.key];
    if (j === undefined) return;
    e.preventDefault();
    const next = boxes[Math.max(0, Math.min(boxes.length - 1, j))];
    next?.focus();
    if (next) setCurrent(next.value);
  };

  return (
    <>
      {passages.length ? (
        <div className="mt-2">
          <label htmlFor={`${id}-filter`} className="text-sm font-semibold">
            Find a paragraph
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            className="field-input max-w-md"
            placeholder="A word from it, or its number"
            autoComplete="off"
            value={filter}
            // The list is not rendered when nothing matches; a reference to a missing id is invalid.
            aria-controls={shown > 0 ? `${uid}-list` : undefined}
            aria-describedby={`${uid}-matches`}
            onChange={(e) => setFilter(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter in the search must not submit the form around it.
              if (e.key === "Enter") e.preventDefault();
            }}
          />
          <p id={`${uid}-matches`} className="mt-1 text-sm text-muted" aria-live="polite">
            {needle ? `${shown} ${shown === 1 ? "paragraph matches" : "paragraphs match"}.` : ""}
            {hiddenChosen ? ` ${hiddenChosen} chosen ${hiddenChosen === 1 ? "paragraph is" : "paragraphs are"} hidden by the search and stay chosen.` : ""}
          </p>
        </div>
      ) : null}
      {shown > 0 ? (
        <>
          <p id={`${uid}-keys`} className="mt-1 text-sm text-muted">
            In the list, the arrow keys move from paragraph to paragraph and Space ticks one.
          </p>
          {/* Arrow keys move between the checkboxes inside: a roving focus, not a control of its own. */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
          <div
            ref={listRef}
            id={`${uid}-list`}
            role="region"
            aria-label={listLabel}
            aria-describedby={`${uid}-keys`}
            onKeyDown={onListKeyDown}
            className={`mt-2 ${listClassName} overflow-y-auto rounded-md border border-line bg-stone-50`}
          >
            {groups.map((group) => (
              <fieldset key={group.title + group.passages[0]?.anchor} className="border-b border-line last:border-b-0">
                <legend className="sr-only">{group.title}</legend>
                <p aria-hidden="true" className="sticky top-0 z-10 border-b border-line bg-stone-100 px-3 py-1.5 text-sm font-semibold">
                  {group.title}
                </p>
                <ul className="divide-y divide-stone-200">
                  {group.passages.map((p) => {
                    const checked = chosen.has(p.anchor);
                    return (
                      <li key={p.anchor}>
                        <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-white has-checked:bg-blue-50 has-disabled:cursor-not-allowed">
                          <input
                            type="checkbox"
                            className={choiceInputClass}
                            value={p.anchor}
                            checked={checked}
                            disabled={!checked && full}
                            tabIndex={p.anchor === tabStop ? 0 : -1}
                            onFocus={() => setCurrent(p.anchor)}
                            onChange={(e) => onChange(toggleAnchor(value, p.anchor, e.currentTarget.checked, passages, max))}
                          />
                          <span className="text-sm">
                            <span className="font-semibold tabular-nums">{paragraphLabel(p.anchor)}</span> <span className="font-serif">{p.text}</span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            ))}
          </div>
        </>
      ) : (
        <p className="mt-2 rounded-md border border-line bg-stone-50 p-3 text-sm">{passages.length ? "No paragraph matches your search." : unavailableText}</p>
      )}
    </>
  );
}
