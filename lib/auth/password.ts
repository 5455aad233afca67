import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * What an account made by a roster import holds until its student sets a password with their
 * one-time link: no password matches it (it is not an argon2 hash), and it costs nothing to make
 * for 500 students at once.
 */
export function unusablePasswordHash(): string {
  return `${UNUSABLE_PREFIX}${randomBytes(16).toString("hex")}`;
}
const UNUSABLE_PREFIX = "!unset:";

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // Same time as a real check, so sign-in doesn't reveal which accounts have no password yet.
  if (passwordHash.startsWith(UNUSABLE_PREFIX)) return verifyAgainstDummy(password);
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must read as "wrong password", not crash sign-in.
    return false;
  }
}

// Verifying against this when the email is unknown makes both paths take as long, so response
// time does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("dossier-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
