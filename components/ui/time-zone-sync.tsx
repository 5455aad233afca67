"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { rememberTimeZoneAction } from "@/lib/actions/account";

/**
 * Tells the server the browser's time zone when the account has none or another one (a new
 * account, a trip, a new laptop), then redraws the page in it. Renders nothing. What the server
 * answered is kept for the tab, so a zone it refuses is not sent again on every page, and a page
 * drawn before the zone was saved is simply redrawn.
 */
export function TimeZoneSync({ userId, stored }: { userId: string; stored: string | null }) {
  const router = useRouter();
  useEffect(() => {
    let zone: string | undefined;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      return;
    }
    if (!zone || zone === stored) return;
    const key = `dossier:time-zone:${userId}:${zone}`;
    let answer: string | null = null;
    try {
      answer = sessionStorage.getItem(key);
    } catch {
      /* no storage: ask the server */
    }
    if (answer === "refused") return;
    if (answer === "saved") {
      router.refresh();
      return;
    }
    void rememberTimeZoneAction(zone).then(
      (result) => {
        try {
          sessionStorage.setItem(key, result.ok ? "saved" : "refused");
        } catch {
          /* nothing to remember it in */
        }
        if (result.ok) router.refresh();
      },
      () => {
        /* offline or navigating away: the next page tries again */
      },
    );
  }, [router, stored, userId]);
  return null;
}
