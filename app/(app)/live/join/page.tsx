import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { guardPage } from "@/lib/http/page-guard";
import { JoinLiveForm } from "@/components/live/join-form";

export const metadata: Metadata = { title: "Join a live session" };

/** Typing the code from the projector on another device (already signed in there). */
export default async function JoinLivePage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  await guardPage(requireViewer(), "/live/join");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-3xl font-bold">Join a live session</h1>
      <p className="mt-2">Type the code shown on the screen.</p>
      <JoinLiveForm code={typeof code === "string" ? code.slice(0, 12) : ""} />
    </main>
  );
}
