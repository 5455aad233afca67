import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * Tokens for one-time links. 32 random bytes (256 bits) in base64url: unguessable, so no rate
 * limit is needed to protect them. Only the SHA-256 of a token is stored; a stolen database
 * holds no working link. (A fast hash is right here: the token is random, not a password.)
 */
export const TOKEN_BYTES = 32;

export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Not a valid link.");

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** The address a one-time link opens (the site's origin is added by the page that shows it). */
export const signInLinkPath = (token: string) => `/link/${token}`;

/** What the holder of a link that doesn't work is told; the same words on the link and on the form. */
export function linkProblemMessage(status: "unknown" | "used" | "replaced" | "expired" | "left-class" | "not-a-student"): { title: string; message: string } {
  switch (status) {
    case "used":
      return { title: "This link has been used", message: "A one-time link works once. Sign in with the password you set, or ask your teacher for a new link if you have forgotten it." };
    case "replaced":
      return { title: "This link has been replaced", message: "Your teacher has made a newer link for your account, so this one no longer works. Use the newest link you were given." };
    case "expired":
      return { title: "This link has expired", message: "Ask your teacher for a new one." };
    case "left-class":
    case "not-a-student":
      return { title: "This link no longer works", message: "You are no longer in the class it was made for. Ask your teacher for a new link." };
    case "unknown":
      return { title: "This link isn’t valid", message: "Check that you copied the whole link, or ask your teacher for a new one." };
  }
}

/**
 * Opening a link moves its token into this cookie and the browser on to /set-password, so the
 * token leaves the address bar (history, screenshots, Referer) before any form is shown. Only
 * sent to that page; httpOnly.
 */
export const LINK_COOKIE = "dossier-link";
export const LINK_COOKIE_PATH = "/set-password";
export const LINK_COOKIE_MAX_AGE_SECONDS = 60 * 60;
