import { notFound, redirect } from "next/navigation";
import { paragraphExists } from "@/lib/data/readings";
import { anchorSchema } from "@/lib/validation/progress";

/** A shareable link to one paragraph: /readings/<slug>/p/p-12 → the reading at that paragraph, or 404. */
export default async function ParagraphLink({ params }: { params: Promise<{ slug: string; anchor: string }> }) {
  const { slug, anchor } = await params;
  if (!anchorSchema.safeParse(anchor).success || !/^[a-z0-9-]{1,100}$/.test(slug)) notFound();
  if (!(await paragraphExists(slug, anchor))) notFound();
  redirect(`/readings/${slug}#${anchor}`);
}
