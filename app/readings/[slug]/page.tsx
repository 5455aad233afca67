import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getReading } from "@/lib/data/readings";
import { isAppError } from "@/lib/errors";
import { ReadingView } from "@/components/reading/reading-view";

// The public reading is the same for everyone: rendered once, then served from the cache and
// refreshed in the background at most once an hour (and at once when content changes).
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

async function load(slug: string) {
  try {
    return await getReading(slug);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const reading = await load((await params).slug);
  return { title: reading.title, description: reading.summary };
}

export default async function PublicReadingPage({ params }: { params: Promise<{ slug: string }> }) {
  const reading = await load((await params).slug);
  return (
    <ReadingView
      reading={reading}
      banner={
        <p className="no-print mb-6 rounded-md border border-line bg-white p-3 text-sm">
          You are reading the open version: nothing is saved. Students with an assignment{" "}
          <Link href="/login">sign in</Link> to keep their place and progress.
        </p>
      }
    />
  );
}
