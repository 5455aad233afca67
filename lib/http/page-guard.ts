import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * Turns the data layer's typed errors into the page responses a person expects: sign-in for
 * 401 (saying so when the session expired), the 403 page, the 404 page. Other errors go on to
 * app/error.tsx, which shows no details.
 */
export async function guardPage<T>(work: Promise<T>, returnTo: string): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (!isAppError(e)) throw e;
    const back = encodeURIComponent(returnTo);
    switch (e.code) {
      case "unauthorized":
        redirect(`/login?callbackUrl=${back}`);
      case "expired":
        redirect(`/login?reason=expired&callbackUrl=${back}`);
      case "forbidden":
        forbidden();
      case "not_found":
      case "invalid":
        notFound();
      default:
        throw e;
    }
  }
}
