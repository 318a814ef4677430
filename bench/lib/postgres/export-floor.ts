import { timeCli, type CliFloor } from "../export";

/**
 * What /export/claims.csv computes, as one query for `psql --csv`: bench/lib/export.ts's
 * CLAIMS_CSV_SQL in PostgreSQL's words (string_agg(DISTINCT …) for group_concat(DISTINCT …),
 * to_char for strftime), with the same shortcuts (lists joined with ",", no formula
 * neutralising), so that the two databases' floors do the same work. The via chains are
 * built in one grouped pass joined by hash: as a subquery per attribution (SQLite's
 * form) PostgreSQL took twice as long, slower than the app's own export.
 */
export const CLAIMS_CSV_POSTGRES_SQL = `
SELECT
  c."id" AS claim_id, c."text" AS claim, t."key" AS topic, st."key" AS status,
  CASE WHEN c."contested" THEN 'true' ELSE 'false' END AS contested,
  x.asserted_by, x.denied_by, x.other_stances, x.via, x.sources, x.source_urls,
  to_char(c."firstPublishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS first_published,
  to_char(c."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
  coalesce(n.n, 0) AS annotations_count
FROM "Claim" c
JOIN "Topic" t ON t."id" = c."topicId"
JOIN "Status" st ON st."id" = c."statusId"
LEFT JOIN (
  SELECT a."claimId",
    string_agg(DISTINCT CASE WHEN a."stance" = 'asserts' THEN ac."name" END, ',') AS asserted_by,
    string_agg(DISTINCT CASE WHEN a."stance" = 'denies' THEN ac."name" END, ',') AS denied_by,
    string_agg(DISTINCT CASE WHEN a."stance" NOT IN ('asserts', 'denies') THEN ac."name" || ': ' || a."stance" END, ',') AS other_stances,
    string_agg(DISTINCT p.path, ',') AS via,
    string_agg(DISTINCT s."title" || ' (' || s."outlet" || ')', ',') AS sources,
    string_agg(DISTINCT s."url", ',') AS source_urls
  FROM "Attribution" a JOIN "Actor" ac ON ac."id" = a."actorId" JOIN "Source" s ON s."id" = a."sourceId"
  LEFT JOIN (
    SELECT v."attributionId", string_agg(vac."name", ' > ' ORDER BY v."position") AS path
    FROM "AttributionVia" v JOIN "Actor" vac ON vac."id" = v."actorId" GROUP BY v."attributionId"
  ) p ON p."attributionId" = a."id"
  GROUP BY a."claimId"
) x ON x."claimId" = c."id"
LEFT JOIN (SELECT "claimId", count(*) AS n FROM "Annotation" WHERE "deletedAt" IS NULL GROUP BY "claimId") n ON n."claimId" = c."id"
ORDER BY c."updatedAt" DESC, c."id" DESC
`;

/** `psql --csv -X -c <CLAIMS_CSV_POSTGRES_SQL> <url> > file`: PostgreSQL's own shell writing the same file. */
export function psqlFloor(databaseUrl: string): CliFloor {
  return { label: "psql --csv", run: (outputFile) => timeCli("psql", ["--csv", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", CLAIMS_CSV_POSTGRES_SQL, databaseUrl], outputFile) };
}
