/**
 * The page Content-Security-Policy and HSTS, which proxy.ts adds per request. The fixed headers
 * (nosniff, frame options, referrer and permissions policies, COOP, the route handlers' CSP) are
 * in next.config.js, which sends them with every response, static files included.
 */

export type PagePolicyOptions = {
  /**
   * The per-request nonce for a page rendered per request. Next reads it from the request's
   * Content-Security-Policy header and puts it on its own scripts. Without one: the policy for
   * a page served from the static cache (see proxy.ts for why that one allows inline scripts).
   */
  nonce?: string;
  /** Served over HTTPS: ask the browser to upgrade any http:// subresource. */
  https: boolean;
  /** next dev: React's debugging needs eval, and its styles are injected without a nonce. */
  dev: boolean;
};

export function pageContentSecurityPolicy({ nonce, https, dev }: PagePolicyOptions): string {
  const script = nonce
    ? // 'strict-dynamic': scripts Next loads from a nonced script may run; 'self' and
      // 'unsafe-inline' are ignored by browsers that know nonces and only help older ones.
      `'self' 'nonce-${nonce}' 'strict-dynamic'`
    : `'self' 'unsafe-inline'`;
  const style = nonce && !dev ? `'self' 'nonce-${nonce}'` : `'self' 'unsafe-inline'`;
  const directives = [
    "default-src 'none'",
    `script-src ${script}${dev ? " 'unsafe-eval'" : ""}`,
    `style-src ${style}`,
    // style="" attributes (progress bars, speaker colours) cannot carry a nonce.
    ...(nonce && !dev ? ["style-src-attr 'unsafe-inline'"] : []),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Two years, the usual value for HSTS; without includeSubDomains, as a school's other hosts are not ours to decide. */
export const HSTS_VALUE = "max-age=63072000";

/** A random nonce, base64 (the alphabet CSP's nonce-source accepts). */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
