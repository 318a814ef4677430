import "server-only";
import { prisma } from "@/lib/db/prisma";

export type AnnotationView = {
  id: number;
  attributionId: number | null;
  parentId: number | null;
  authorId: string | null;
  author: string;
  body: string;
  version: number;
  createdAt: string;
  edited: boolean;
  deleted: boolean;
  replies: AnnotationView[];
};

/** A claim's notes as threads (replies under their parent), oldest first. */
export async function listAnnotations(claimId: number): Promise<AnnotationView[]> {
  const rows = await prisma.annotation.findMany({
    where: { claimId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      attributionId: true,
      parentId: true,
      authorId: true,
      body: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      deletedAt: true,
      author: { select: { name: true, email: true } },
    },
  });
  const views = new Map<number, AnnotationView>();
  for (const row of rows) {
    views.set(row.id, {
      id: row.id,
      attributionId: row.attributionId,
      parentId: row.parentId,
      authorId: row.authorId,
      author: row.author?.name ?? row.author?.email ?? "former user",
      body: row.deletedAt ? "" : row.body,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      edited: !row.deletedAt && row.version > 1,
      deleted: row.deletedAt !== null,
      replies: [],
    });
  }
  const roots: AnnotationView[] = [];
  for (const view of views.values()) {
    const parent = view.parentId === null ? undefined : views.get(view.parentId);
    if (parent) parent.replies.push(view);
    else roots.push(view);
  }
  return roots;
}
