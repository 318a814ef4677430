import "server-only";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { authorize } from "@/lib/auth/authorize";
import { userFromHeaders } from "@/lib/auth/current-user";
import { env, sqliteFilePath } from "@/lib/env";
import { writeArchive } from "@/lib/archive/write-archive";
import { fileTimestamp } from "@/lib/db/backup";
import { jsonError } from "@/lib/http/json";

/**
 * GET /admin/archive.jsonl.gz: an admin downloads the archive `npm run db:archive` writes,
 * without accounts (those only from the command line, where the file stays on the server).
 * It is written to a private temporary folder first, so a download that fails half-way is
 * never mistaken for an archive (the stream errors), and the file is removed when sent.
 */
export async function archiveDownload(request: Request): Promise<Response> {
  const access = authorize(await userFromHeaders(request.headers), "admin");
  if (!access.ok) return jsonError(access.status, access.message);
  const folder = await mkdtemp(path.join(os.tmpdir(), "claimtrail-archive-"));
  const file = path.join(folder, "archive.jsonl.gz");
  const remove = () => void rm(folder, { recursive: true, force: true });
  try {
    const written = await writeArchive(sqliteFilePath(env.DATABASE_URL), file);
    const stream = createReadStream(file);
    stream.once("close", remove);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "application/gzip",
        "Content-Length": String(written.bytes),
        "Content-Disposition": `attachment; filename="claimtrail-archive-${fileTimestamp()}.jsonl.gz"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    remove();
    throw error;
  }
}
