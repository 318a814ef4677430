import type { MetadataRoute } from "next";
import { robotsRules } from "@/lib/publish/robots";

// The server's configuration (READ_ACCESS, PUBLIC_URL), not the build's.
export const dynamic = "force-dynamic";

/** /robots.txt (lib/publish/robots.ts). */
export default function robots(): MetadataRoute.Robots {
  return robotsRules();
}
