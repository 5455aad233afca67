import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { findLiveSessionByCode } from "@/lib/data/live";
import { guardPage } from "@/lib/http/page-guard";
import { liveCodeSchema } from "@/lib/validation/live";

export const metadata: Metadata = { title: "Join a live session" };

/** Where the projector's QR code points: one tap from a signed-in phone. */
export default async function JoinLiveByCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const here = `/live/join/${encodeURIComponent(code)}`;
  const viewer = await guardPage(requireViewer(), here);
  const parsed = liveCodeSchema.safeParse(code);
  if (!parsed.success) redirect("/live/join");
  const { id } = await guardPage(findLiveSessionByCode(viewer, parsed.data), here);
  redirect(`/live/${id}`);
}
