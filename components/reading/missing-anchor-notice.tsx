"use client";

import { useEffect, useState } from "react";

/** A link to a paragraph that isn't in the document (#p-999) says so instead of silently landing at the top. */
export function MissingAnchorNotice() {
  const [missing, setMissing] = useState<string | null>(null);
  useEffect(() => {
    const check = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      setMissing(/^p-/.test(id) && !document.getElementById(id) ? id : null);
    };
    check();
    window.addEventListener("hashchange", check);
    return () => window.removeEventListener("hashchange", check);
  }, []);
  if (!missing) return null;
  return (
    <div role="alert" data-testid="missing-anchor" className="mb-4 rounded-md border border-warn bg-amber-50 p-3 text-warn">
      The link pointed to a passage ({missing}) that isn’t in this document. You are at the start of the reading.
    </div>
  );
}
