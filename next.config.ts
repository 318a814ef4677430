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
  experimental: {
    // /import takes attributions.csv files up to 20 MB (lib/import/limits.ts) plus multipart framing.
    serverActions: { bodySizeLimit: "21mb" },
    // proxy.ts sees every request and buffers bodies only up to this (default 10 MB).
    proxyClientMaxBodySize: "21mb",
  },
  // Native and WASM-loading modules stay plain Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
