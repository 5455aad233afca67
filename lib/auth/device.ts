import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The device cookie: proof that this browser signed in to this account before (OWASP's "device
 * cookies" against lockout abuse; see lib/auth/throttle.ts). It holds a random id and an HMAC of
 * the id with the account's email, so it vouches for one account only and can't be forged or
 * moved to another account. It is not a session: it lets no one in, it only decides which rate
 * limit bucket a sign-in attempt counts against.
 */
export const DEVICE_COOKIE = "dossier-device";
export const DEVICE_COOKIE_MAX_AGE = 60 * 60 * 24 * 180;

function mac(secret: string, email: string, id: string): string {
  return createHmac("sha256", secret).update(`dossier-device\u0000${email}\u0000${id}`).digest("base64url");
}

export function issueDeviceToken(email: string, secret: string): { id: string; value: string } {
  const id = randomBytes(16).toString("base64url");
  return { id, value: `${id}.${mac(secret, email, id)}` };
}

/** The device id when the cookie was issued for this email with this secret, else null. */
export function trustedDeviceId(value: string | undefined | null, email: string, secret: string): string | null {
  if (!value || value.length > 200) return null;
  const [id, given, extra] = value.split(".");
  if (!id || !given || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, email, id));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}

/** One cookie out of a Cookie header, without a parser dependency. */
export function cookieFromHeader(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}
