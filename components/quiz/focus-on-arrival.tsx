"use client";

import { useEffect } from "react";

/**
 * Moves keyboard focus (and the view) to the element with this id once the page shows it: where
 * "Save and next ungraded" lands, so the grader carries on from the next answer without hunting
 * for it. The element needs tabIndex={-1}.
 */
export function FocusOnArrival({ id }: { id: string | null }) {
  useEffect(() => {
    if (!id) return;
    const el = document.getElementById(id);
    if (!el) return;
    el.scrollIntoView({ block: "start" });
    el.focus({ preventScroll: true });
  }, [id]);
  return null;
}
