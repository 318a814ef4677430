import type { NextConfig } from "next";

/**
 * Headers that hold for every response. The Content-Security-Policy needs a fresh nonce
 * per request, so proxy.ts sets it.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // Separate build folders let several production servers (e.g. parallel test runs) share a checkout.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Type errors are caught by `npm run typecheck` (part of `npm test`), which covers the
  // whole project including tests and benchmarks; the build itself stays fast.
  typescript: { ignoreBuildErrors: true },
  // Native and WASM-loading modules stay plain Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
