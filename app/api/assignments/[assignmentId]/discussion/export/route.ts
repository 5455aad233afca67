import { NextResponse } from "next/server";
import { getDiscussionReport } from "@/lib/data/discussion";
import { discussionRoute } from "@/lib/http/discussion-route";
import { toCsv } from "@/lib/quiz/csv";

/**
 * The whole discussion for the instructor: ?format=json (default), csv (one row per post) or
 * participation (one row per student).
 */
export const GET = discussionRoute(async ({ request, viewer, assignmentId }) => {
  const report = await getDiscussionReport(viewer, assignmentId);
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  const file = (name: string, type: string, content: string) =>
    new Response(content, { headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" } });
  if (format === "json") {
    return new NextResponse(JSON.stringify(report, null, 2), {
      headers: { "Content-Type": "application/json", "Content-Disposition": `attachment; filename="discussion-${assignmentId}.json"`, "Cache-Control": "private, no-store" },
    });
  }
  if (format === "csv") {
    const names = new Map(report.participation.map((p) => [p.userId, p.name]));
    return file(
      `discussion-${assignmentId}.csv`,
      "text/csv; charset=utf-8",
      toCsv([
        ["id", "thread", "reply_to", "kind", "paragraph", "quote", "cited", "author", "created", "edited", "deleted", "hidden", "pinned", "endorsed", "helpful", "body"],
        ...report.posts.map((p) => [
          p.id,
          p.parentId ? "" : p.id,
          p.parentId ?? "",
          p.kind,
          p.paragraph,
          p.quote?.exact ?? "",
          p.cited.join(" "),
          names.get(p.authorId) ?? p.author.name,
          p.createdAt,
          p.editedAt ?? "",
          p.deleted ? "yes" : "",
          p.hidden ? "yes" : "",
          p.pinned ? "yes" : "",
          p.endorsed ? "yes" : "",
          p.helpful,
          p.body,
        ]),
      ]),
    );
  }
  if (format === "participation") {
    return file(
      `participation-${assignmentId}.csv`,
      "text/csv; charset=utf-8",
      toCsv([
        ["name", "email", "posts", "replies", "questions", "claims", "words", "helpful_received"],
        ...report.participation.map((p) => [p.name, p.email, p.posts, p.replies, p.questions, p.claims, p.words, p.helpfulReceived]),
      ]),
    );
  }
  return NextResponse.json({ error: { code: "invalid", message: "Choose format=json, csv or participation." } }, { status: 400 });
});
