// @ts-check

/** Browser features the app never uses, switched off for it and for anything it might embed. */
const disabledFeatures = [
  "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
  "geolocation", "gyroscope", "hid", "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
  "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
];

/**
 * Sent with every response: pages, route handlers, static files. The pages' Content-Security-Policy
 * (with a nonce per request) and HSTS (only over HTTPS) come from proxy.ts.
 */
const securityHeaders = [
  // No page is meant to be framed: the class page shows its join code. (CSP frame-ancestors says
  // the same to browsers that read it.)
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: disabledFeatures.map((f) => `${f}=()`).join(", ") },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Route handlers answer JSON, CSV and GIFT files: nothing in them is meant to run or be framed. */
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** What a server action may receive (lib/http/action-guard.ts checks the same before Next reads it). */
const actionBodyLimit = 4 * 1024 * 1024;

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // forbidden() and unauthorized() render app/forbidden.tsx and app/unauthorized.tsx with 403/401.
    authInterrupts: true,
    // A GIFT import is up to 900,000 characters, which is up to about 2.7 MB of UTF-8.
    serverActions: { bodySizeLimit: actionBodyLimit },
    // With a proxy, Next copies each request body it passes through (so the proxy can read it)
    // and silently cuts the copy at this size, dropping the chunk that crosses it. Pages take
    // only server actions: 1 MB over their limit (far more than one network chunk) means a body
    // that is too long still shows the proxy more than the limit, so it answers 413, while at
    // most this much of any body is held.
    proxyClientMaxBodySize: actionBodyLimit + 1024 * 1024,
  },
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // The seed and the migration tooling live beside the app and are not part of the bundle.
  outputFileTracingExcludes: { "*": ["prisma/migrations/**", "prisma/postgresql/migrations/**"] },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
    ];
  },
};

module.exports = nextConfig;
