"use client";

import { useEffect, useRef, useState } from "react";
import { Legend, type PlayerProps } from "./parts";

type Direction = "up" | "down";

/**
 * Put the items in order with "Move up" / "Move down" buttons: keyboard-operable, no dragging
 * needed. Focus stays on the moved item and its new position is announced.
 */
export function OrderingPlayer({ questionKey, view, value, onChange, disabled, label, describedBy }: PlayerProps<"ordering">) {
  const byId = new Map(view.items.map((item) => [item.id, item]));
  const saved = Array.isArray(value?.order) ? value.order.filter((id, i, all) => byId.has(id) && all.indexOf(id) === i) : [];
  // Items the response does not place (none, normally) keep the order they were shown in.
  const order = [...saved, ...view.items.map((item) => item.id).filter((id) => !saved.includes(id))];
  const answered = value !== null && saved.length > 0;

  const [announcement, setAnnouncement] = useState("");
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; direction: Direction } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (!focusAfterMove) return;
    const { id, direction } = focusAfterMove;
    const other: Direction = direction === "up" ? "down" : "up";
    // At the top or bottom that button is disabled: the other one keeps the focus on the item.
    const target = [direction, other].map((d) => buttons.current.get(`${id}:${d}`)).find((b) => b && !b.disabled);
    target?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  const move = (index: number, direction: Direction) => {
    const to = direction === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    const [id] = next.splice(index, 1);
    if (id === undefined) return;
    next.splice(to, 0, id);
    onChange({ order: next });
    setAnnouncement(`“${byId.get(id)?.text ?? id}” moved to position ${to + 1} of ${next.length}.`);
    setFocusAfterMove({ id, direction });
  };

  const hintId = `${questionKey}-order-hint`;
  return (
    <fieldset disabled={disabled} aria-describedby={[hintId, describedBy].filter(Boolean).join(" ")}>
      <Legend label={label} />
      <p id={hintId} className="mt-0.5 text-sm text-muted">
        Put the items in order, first at the top, with the ↑ Move up and ↓ Move down buttons.
      </p>
      <ol className="mt-2 space-y-2">
        {order.map((id, index) => {
          const item = byId.get(id);
          if (!item) return null;
          const textId = `${questionKey}-item-${index}`;
          return (
            <li key={id} className="flex items-center gap-3 rounded-md border border-line bg-white px-3 py-2">
              <span aria-hidden="true" className="w-6 shrink-0 text-right font-semibold tabular-nums text-muted">
                {index + 1}.
              </span>
              <span id={textId} className="flex-1">
                <span className="sr-only">Position {index + 1}: </span>
                {item.text}
              </span>
              <span className="flex shrink-0 gap-1">
                {(["up", "down"] as const).map((direction) => (
                  <button
                    key={direction}
                    type="button"
                    ref={(el) => {
                      if (el) buttons.current.set(`${id}:${direction}`, el);
                      else buttons.current.delete(`${id}:${direction}`);
                    }}
                    className="btn-secondary min-h-10 px-2.5 py-1"
                    disabled={direction === "up" ? index === 0 : index === order.length - 1}
                    aria-describedby={textId}
                    onClick={() => move(index, direction)}
                  >
                    <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
                    <span className="sr-only sm:not-sr-only">{direction === "up" ? "Move up" : "Move down"}</span>
                  </button>
                ))}
              </span>
            </li>
          );
        })}
      </ol>
      {!answered ? (
        <p className="mt-2 flex flex-wrap items-center gap-3 text-sm text-muted">
          Not answered yet.
          <button
            type="button"
            className="btn-secondary min-h-10 py-1"
            onClick={() => {
              onChange({ order });
              setAnnouncement("Answered with the order shown.");
              // The button goes away once answered; the focus moves to the list.
              if (order[0] !== undefined) setFocusAfterMove({ id: order[0], direction: "down" });
            }}
          >
            Answer with this order
          </button>
        </p>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
