import { isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * The address a request came from, for rate limits. Pure: it reads only the headers it is given.
 *
 * `next start` puts the socket's address into X-Forwarded-For only when the request has no such
 * header (Next 16's base server: `x-forwarded-for ??= socket.remoteAddress`); route handlers and
 * server actions see nothing else. A client can therefore write the header itself, so which entry
 * to believe depends on how the app is deployed, and DOSSIER_TRUSTED_PROXY_HOPS says it:
 *
 *  - 0 (default): nothing in front of the app. The last entry is the socket's address unless the
 *    client sent the header; a client that does can dodge the per-address limit (the per-account
 *    limit does not depend on addresses, so guessing one account's password stays limited).
 *  - N ≥ 1: N proxies of ours each append the address they saw (nginx's
 *    `$proxy_add_x_forwarded_for`). The N-th entry from the right is the one our outermost proxy
 *    saw, whatever the client wrote before it.
 *
 * IPv6 addresses are cut to their /64, since one host usually has a whole /64 to pick from.
 */
export function clientAddress(forwardedFor: string | null, trustedHops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const pick = entries[entries.length - Math.max(1, trustedHops)];
  return normaliseAddress(pick) ?? "unknown";
}

export function normaliseAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  const kind = isIP(value);
  if (kind === 4) return value;
  if (kind === 6) return `${ipv6Prefix64(value)}::/64`;
  return null;
}

/** The first four groups of an IPv6 address, expanded, lower case. */
function ipv6Prefix64(address: string): string {
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = address.includes("::")
    ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups]
    : headGroups;
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":");
}

/** DOSSIER_TRUSTED_PROXY_HOPS (0 to 10, checked at start-up by lib/env.ts). */
export function trustedProxyHops(): number {
  return env().DOSSIER_TRUSTED_PROXY_HOPS;
}
