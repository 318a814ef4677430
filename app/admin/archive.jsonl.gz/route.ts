import { archiveDownload } from "@/lib/archive/download";

export const dynamic = "force-dynamic";

/** GET /admin/archive.jsonl.gz: the whole database as an archive (docs/archive.md), for admins. */
export const GET = archiveDownload;
