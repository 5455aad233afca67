import type { Metadata } from "next";
import QRCode from "qrcode";
import { requireViewer } from "@/lib/auth/viewer";
import { getProjectorState, liveEventCursor } from "@/lib/data/live";
import { guardPage } from "@/lib/http/page-guard";
import { siteOrigin } from "@/lib/http/site-origin";
import { ProjectorView } from "@/components/live/projector-view";

export const metadata: Metadata = { title: "Live session: projector" };

/**
 * The wall: full screen, large type, no names, no controls, no account bar (outside the (app)
 * layout). Opened by the instructor from the control view (it needs their sign-in: results are
 * theirs to reveal).
 */
export default async function ProjectorPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const here = `/live/${sessionId}/projector`;
  const viewer = await guardPage(requireViewer(), here);
  const after = await liveEventCursor();
  const state = await guardPage(getProjectorState(viewer, sessionId), here);
  const joinUrl = `${await siteOrigin()}/live/join/${state.session.code}`;
  // SVG made on the server from our own URL: no script, no image request.
  const qrSvg = await QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#000000", light: "#ffffff" } });
  return <ProjectorView initial={state} qrSvg={qrSvg} joinUrl={joinUrl} streamUrl={`/api/live/${sessionId}/events?view=projector`} after={after} />;
}
