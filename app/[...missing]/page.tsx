import { notFound } from "next/navigation";
import { connection } from "next/server";

/**
 * Any path no other route matches. Next would serve its prerendered 404 page, which is static and
 * so cannot carry the per-request nonce of the Content-Security-Policy (proxy.ts): its scripts
 * would be blocked. Rendering the same app/not-found.tsx per request gives it the nonce.
 */
export default async function MissingPage(): Promise<never> {
  await connection();
  notFound();
}
