// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() and unauthorized() render app/forbidden.tsx and app/unauthorized.tsx with 403/401.
  experimental: { authInterrupts: true },
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // The seed and the migration tooling live beside the app and are not part of the bundle.
  outputFileTracingExcludes: { "*": ["prisma/migrations/**", "prisma/postgresql/migrations/**"] },
};

module.exports = nextConfig;
