import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { guardPage } from "@/lib/http/page-guard";
import { JoinClassForm } from "@/components/classes/class-forms";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  const viewer = await guardPage(requireViewer(), code ? `/join?code=${encodeURIComponent(code)}` : "/join");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold">Join a class</h1>
      {viewer.role === "student" ? (
        <>
          <p className="mt-2 text-muted">Enter the join code your instructor gave you.</p>
          <JoinClassForm initialCode={typeof code === "string" ? code.slice(0, 20) : undefined} />
        </>
      ) : (
        <p className="mt-4 rounded-md border border-line bg-white p-4">
          Join codes are for students. As an instructor, create a class on your dashboard and give its code to your students.
        </p>
      )}
    </main>
  );
}
