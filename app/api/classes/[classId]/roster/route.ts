import { NextResponse, type NextRequest } from "next/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { importRoster, previewRosterImport } from "@/lib/data/roster";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";
import { assertSameOrigin, readTextWithLimit } from "@/lib/http/read-body";
import { siteOrigin } from "@/lib/http/site-origin";
import { MAX_ROSTER_BYTES, MAX_ROSTER_ROWS } from "@/lib/roster/csv";
import { idSchema } from "@/lib/validation/classes";

const stepSchema = z.enum(["preview", "import"]);

/**
 * Roster import: POST the CSV text (the body, as text/csv) with ?step=preview (nothing is
 * written) or ?step=import. A route handler rather than a server action so that an oversized
 * upload is refused with 413 and a message: a server action's own body limit ends in a 500.
 * The import's answer holds each new student's one-time link: the only time it exists outside
 * the student's browser, so it is never cached.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ classId: string }> }) {
  try {
    const viewer = await requireViewer();
    assertSameOrigin(request);
    const id = idSchema.safeParse((await params).classId);
    if (!id.success) throw new AppError("not_found", "There is no such class.");
    const step = stepSchema.safeParse(request.nextUrl.searchParams.get("step"));
    if (!step.success) throw new AppError("invalid", "Say whether to preview or to import.");
    const text = await readTextWithLimit(
      request,
      MAX_ROSTER_BYTES,
      `That file is too large for one import (at most ${MAX_ROSTER_BYTES / 1024} KB, ${MAX_ROSTER_ROWS} students). Split it into several files.`,
    );
    if (step.data === "preview") {
      return NextResponse.json({ preview: await previewRosterImport(viewer, id.data, text) }, { headers: noStore });
    }
    const result = await importRoster(viewer, id.data, text);
    revalidatePath(`/classes/${id.data}`);
    const origin = await siteOrigin();
    return NextResponse.json(
      {
        result: {
          created: result.created.map(({ token: _token, path, ...rest }) => ({ ...rest, link: `${origin}${path}` })),
          enrolled: result.enrolled,
          problems: result.problems,
          linksExpireAt: result.linksExpireAt.toISOString(),
        },
      },
      { headers: noStore },
    );
  } catch (e) {
    return errorResponse(e);
  }
}

const noStore = { "Cache-Control": "private, no-store" };
