import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CsvTable } from "@/lib/import/read-csv";
import { IMPORT_COLUMNS, REQUIRED_COLUMNS, isImportColumn, type ImportColumn } from "@/lib/import/columns";
import { parseRow, type ImportRow } from "@/lib/import/parse-row";
import type { ImportProblem } from "@/lib/import/problems";
import { findActorsByNameOrAlias } from "@/lib/actors/resolve-actor";
import { findInChunks } from "@/lib/db/chunks";
import { CLAIM_ID_MARGIN, MAX_STORED_ID } from "@/lib/import/limits";
import { anchorAt } from "@/lib/sources/anchoring";
import { closeQuoteKey, type CloseQuote } from "@/lib/import/close-quotes";
import { placeQuote } from "@/lib/sources/place-quote";
import { suggestQuote, type QuoteSuggestion } from "@/lib/sources/quote-suggestion";
import { normalizeKey } from "@/lib/text/normalize";
import type { Accuracy, ActorKind, Sourcing, Stance } from "@/lib/vocabulary/terms";

type Tx = Prisma.TransactionClient;

/*
 * From checked rows to a plan: which claims, actors and sources exist already and which
 * the import creates, which attributions it adds and which it skips as already present.
 * Every rule that needs the database or several rows is checked here, and every problem
 * is collected; nothing is written. The same plan is made for "Check" (the preview) and
 * again inside the import's transaction, so the preview is never trusted.
 */

export type ImportOptions = {
  createTopics?: boolean;
  /**
   * Close quotes to import with the article's words (issue 17): "all" (the command line's
   * --accept-close-quotes), or the keys (closeQuoteKey) of those a person accepted one by
   * one on the page. A key names the line and the passage offered, so an acceptance never
   * carries over to other words should the article change between check and import.
   */
  acceptCloseQuotes?: "all" | readonly string[];
};
export type { CloseQuote };



export type PlannedClaim = {
  key: string;
  /** Existing claim's id, the id the file gives a new claim, or null (the database picks one). */
  id: number | null;
  existing: boolean;
  text: string;
  topic: string;
  status: string;
  statusLine: number;
  /** Existing claims: the status they have now. */
  currentStatus: string | null;
  firstLine: number;
  textKey: string;
};

export type PlannedActor = {
  key: string;
  name: string;
  kind: ActorKind | null;
  kindLine: number;
  existingId: number | null;
  /** Named as the actor of some row (not only in via chains). */
  speaks: boolean;
};

export type PlannedSource = {
  key: string;
  existingId: number | null;
  title: string;
  outlet: string;
  url: string | null;
  publishedAt: Date | null;
  publishedLine: number;
  /** The stored article text ("" for a source created by the import, which has none). */
  text: string;
  firstLine: number;
};

export type PlannedAttribution = {
  line: number;
  claimKey: string;
  actorKey: string;
  viaKeys: string[];
  sourceKey: string;
  stance: Stance;
  verb: string | null;
  sourcing: Sourcing;
  actorRole: string | null;
  accuracy: Accuracy;
  anchor: { quote: string; quotePrefix: string | null; quoteSuffix: string | null; quoteStart: number | null; quoteEnd: number | null };
};

export type ImportSummary = {
  rows: number;
  claimsToCreate: number;
  claimsMatched: number;
  statusChanges: number;
  topicsToCreate: number;
  actorsToCreate: number;
  sourcesToCreate: number;
  attributionsToAdd: number;
  /** Rows identical to an attribution already stored (or to an earlier row): skipped. */
  duplicatesSkipped: number;
  /** Rows whose offsets were dropped because their source has no stored text to point into. */
  quotesWithoutOffsets: number;
  /** Rows whose close quote is imported as the article's words (accepted). */
  closeQuotesAccepted: number;
};

export type ImportPlan = {
  topicsToCreate: string[];
  claims: PlannedClaim[];
  actors: PlannedActor[];
  sources: PlannedSource[];
  attributions: PlannedAttribution[];
  /** Every row whose quote matched only approximately, accepted or not. */
  closeQuotes: CloseQuote[];
  summary: ImportSummary;
};

const textKeyOf = (topic: string, text: string) => `${topic}\u0000${normalizeKey(text)}`;
const quoted = (value: string, max = 80) => `“${value.length > max ? `${value.slice(0, max - 1)}…` : value}”`;

/** Header problems, and where each known column is. Unknown and repeated columns are refused. */
export function checkHeader(header: readonly string[]): { columns: Map<ImportColumn, number>; problems: ImportProblem[] } {
  const columns = new Map<ImportColumn, number>();
  const problems: ImportProblem[] = [];
  header.forEach((name, index) => {
    if (!isImportColumn(name)) {
      problems.push({ row: 1, column: name || `(column ${index + 1})`, message: `unknown column; the columns are ${IMPORT_COLUMNS.join(", ")}` });
    } else if (columns.has(name)) {
      problems.push({ row: 1, column: name, message: "appears twice in the header" });
    } else {
      columns.set(name, index);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.has(column)) problems.push({ row: 1, column, message: "required column is missing from the header" });
  }
  return { columns, problems };
}

export async function planImport(db: Tx, table: CsvTable, options: ImportOptions = {}): Promise<{ plan: ImportPlan; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  const report = (row: number, column: ImportColumn | "", message: string) => problems.push({ row, column, message });

  // 1. Each row on its own.
  const [topics, statuses] = await Promise.all([
    db.topic.findMany({ select: { key: true }, orderBy: { key: "asc" } }),
    db.status.findMany({ select: { key: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
  ]);
  const vocabulary = { topicKeys: new Set(topics.map((t) => t.key)), statusKeys: new Set(statuses.map((s) => s.key)), createTopics: options.createTopics ?? false };
  const header = checkHeader(table.header);
  problems.push(...header.problems);
  if (table.rows.length === 0) report(2, "", "the file has a header but no rows to import");
  const rows: ImportRow[] = [];
  for (const record of table.rows) {
    if (record.cells.length !== table.header.length) {
      report(record.line, "", `has ${record.cells.length} cells but the header has ${table.header.length} columns (a cell with a comma, quote or line break must be in double quotes)`);
      continue;
    }
    const at = (column: ImportColumn) => {
      const index = header.columns.get(column);
      return index === undefined ? undefined : record.cells[index];
    };
    const parsed = parseRow(record.line, at, vocabulary);
    problems.push(...parsed.problems);
    if (parsed.row) rows.push(parsed.row);
  }
  const topicsToCreate = [...new Set(rows.map((row) => row.topic).filter((key) => !vocabulary.topicKeys.has(key)))];

  // 2. What the database holds already, fetched in a few batched queries.
  const claimSelect = { id: true, text: true, topic: { select: { key: true } }, status: { select: { key: true } } } as const;
  const claimsById = new Map(
    // An id no claim column can hold (PostgreSQL's INTEGER stops at 2^31 − 1) names no claim:
    // it is refused below as past the margin, not sent to the database.
    (await findInChunks(rows.flatMap((row) => (row.claimId === null || row.claimId > MAX_STORED_ID ? [] : [row.claimId])), (ids) => db.claim.findMany({ where: { id: { in: ids } }, select: claimSelect }))).map((claim) => [claim.id, claim]),
  );
  const claimsByText = new Map(
    (await findInChunks(rows.map((row) => normalizeKey(row.claim)), (texts) => db.claim.findMany({ where: { normalizedText: { in: texts } }, select: claimSelect }))).map((claim) => [
      textKeyOf(claim.topic.key, claim.text),
      claim,
    ]),
  );

  const storedActors = await findActorsByNameOrAlias(db, rows.flatMap((row) => [row.actor, ...row.via]));

  const sourceSelect = { id: true, title: true, outlet: true, url: true, publishedAt: true, text: true } as const;
  const sourcesByUrl = new Map(
    (await findInChunks(rows.flatMap((row) => (row.sourceUrl ? [row.sourceUrl] : [])), (urls) => db.source.findMany({ where: { url: { in: urls } }, select: sourceSelect }))).map((source) => [source.url!, source]),
  );
  // Without a URL a source is known by title and outlet; a stored source without URL is preferred, then the oldest.
  const sourcesByTitle = new Map<string, (typeof sourcesByUrl extends Map<string, infer S> ? S : never)>();
  const titled = await findInChunks(rows.flatMap((row) => (row.sourceUrl ? [] : [row.sourceTitle])), (titles) =>
    db.source.findMany({ where: { title: { in: titles } }, select: sourceSelect, orderBy: { id: "asc" } }),
  );
  for (const source of titled) {
    const key = `${source.title}\u0000${source.outlet}`;
    const known = sourcesByTitle.get(key);
    if (!known || (known.url !== null && source.url === null)) sourcesByTitle.set(key, source);
  }

  // A new claim may take an id from the file only this far above the highest one (lib/import/limits.ts).
  const highestClaimId = (await db.claim.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const highestNewClaimId = highestClaimId + CLAIM_ID_MARGIN;

  // 3. Claims: by claim_id, else by text and topic; the first row for a claim sets its status.
  const claims = new Map<string, PlannedClaim>();
  const claimKeyById = new Map<number, string>();
  const claimKeyByText = new Map<string, string>();
  let newClaims = 0;
  const register = (claim: PlannedClaim) => {
    claims.set(claim.key, claim);
    claimKeyByText.set(claim.textKey, claim.key);
    if (claim.id !== null) claimKeyById.set(claim.id, claim.key);
    return claim.key;
  };
  const registerExisting = (stored: { id: number; text: string; topic: { key: string }; status: { key: string } }, row: ImportRow) =>
    claimKeyById.get(stored.id) ??
    register({
      key: `id:${stored.id}`,
      id: stored.id,
      existing: true,
      text: stored.text,
      topic: stored.topic.key,
      status: row.status,
      statusLine: row.line,
      currentStatus: stored.status.key,
      firstLine: row.line,
      textKey: textKeyOf(stored.topic.key, stored.text),
    });
  const registerNew = (row: ImportRow, textKey: string) =>
    register({
      key: `new:${++newClaims}`,
      id: row.claimId,
      existing: false,
      text: row.claim,
      topic: row.topic,
      status: row.status,
      statusLine: row.line,
      currentStatus: null,
      firstLine: row.line,
      textKey,
    });

  const resolveClaim = (row: ImportRow): string | null => {
    const textKey = textKeyOf(row.topic, row.claim);
    const storedByText = claimsByText.get(textKey);
    if (row.claimId === null) return claimKeyByText.get(textKey) ?? (storedByText ? registerExisting(storedByText, row) : registerNew(row, textKey));

    const seen = claimKeyById.get(row.claimId);
    if (seen) {
      const claim = claims.get(seen)!;
      if (claim.textKey === textKey) return seen;
      const where = claim.existing ? `claim ${row.claimId} is ${quoted(claim.text)} in topic "${claim.topic}"` : `line ${claim.firstLine} gives claim_id ${row.claimId} to ${quoted(claim.text)} in topic "${claim.topic}"`;
      report(row.line, claim.topic === row.topic ? "claim" : "topic", `${where}; one claim_id cannot have two texts or topics`);
      return null;
    }
    const stored = claimsById.get(row.claimId);
    if (stored) {
      let same = true;
      if (normalizeKey(stored.text) !== normalizeKey(row.claim)) {
        report(row.line, "claim", `claim ${stored.id} reads ${quoted(stored.text)}, not ${quoted(row.claim)}; leave claim_id empty to add a new claim`);
        same = false;
      }
      if (stored.topic.key !== row.topic) {
        report(row.line, "topic", `claim ${stored.id} is in topic "${stored.topic.key}", not "${row.topic}"`);
        same = false;
      }
      return same ? registerExisting(stored, row) : null;
    }
    // A claim_id the database does not have: the claim is created with that id.
    if (row.claimId > highestNewClaimId) {
      report(
        row.line,
        "claim_id",
        `there is no claim ${row.claimId}, and a new claim's id may be at most ${highestNewClaimId} (the highest claim id, ${highestClaimId}, plus ${CLAIM_ID_MARGIN.toLocaleString("en")}): leave claim_id empty and the claim is numbered for you`,
      );
      return null;
    }
    if (storedByText) {
      report(row.line, "claim_id", `there is no claim ${row.claimId}, but this text and topic are claim ${storedByText.id}: write claim_id ${storedByText.id} or leave it empty`);
      return null;
    }
    const sameText = claimKeyByText.get(textKey);
    if (sameText) {
      const claim = claims.get(sameText)!;
      if (claim.id === null) {
        // An earlier row without claim_id introduced this claim: it takes the id given here.
        claim.id = row.claimId;
        claimKeyById.set(row.claimId, sameText);
        return sameText;
      }
      report(row.line, "claim_id", `line ${claim.firstLine} has the same claim and topic with claim_id ${claim.id}`);
      return null;
    }
    return registerNew(row, textKey);
  };

  // 4. Actors by name or alias; a new actor's kind comes from actor_kind (first row that gives one).
  const actors = new Map<string, PlannedActor>();
  const resolveActor = (name: string, line: number): PlannedActor => {
    const key = normalizeKey(name);
    let actor = actors.get(key);
    if (!actor) {
      const stored = storedActors.get(key);
      actor = { key, name: stored?.name ?? name, kind: (stored?.kind as ActorKind | undefined) ?? null, kindLine: line, existingId: stored?.id ?? null, speaks: false };
      actors.set(key, actor);
    }
    return actor;
  };

  // 5. Sources by URL, else by title and outlet.
  const sources = new Map<string, PlannedSource>();
  const resolveSource = (row: ImportRow): PlannedSource | null => {
    const key = row.sourceUrl ? `url:${row.sourceUrl}` : `title:${row.sourceTitle}\u0000${row.sourceOutlet}`;
    let source = sources.get(key);
    if (!source) {
      const stored = row.sourceUrl ? sourcesByUrl.get(row.sourceUrl) : sourcesByTitle.get(`${row.sourceTitle}\u0000${row.sourceOutlet}`);
      source = stored
        ? { key, existingId: stored.id, title: stored.title, outlet: stored.outlet, url: stored.url, publishedAt: stored.publishedAt, publishedLine: 0, text: stored.text, firstLine: row.line }
        : { key, existingId: null, title: row.sourceTitle, outlet: row.sourceOutlet, url: row.sourceUrl, publishedAt: row.sourcePublished, publishedLine: row.line, text: "", firstLine: row.line };
      sources.set(key, source);
    }
    let ok = true;
    const from = source.existingId !== null ? `the stored source ${source.url ?? ""}`.trim() : `line ${source.firstLine}`;
    if (source.title !== row.sourceTitle) {
      report(row.line, "source_title", `${from} has the title ${quoted(source.title)} for this URL`);
      ok = false;
    }
    if (source.outlet !== row.sourceOutlet) {
      report(row.line, "source_outlet", `${from} has the outlet ${quoted(source.outlet)} for this URL`);
      ok = false;
    }
    if (row.sourcePublished !== null) {
      if (source.publishedAt === null && source.existingId === null) {
        source.publishedAt = row.sourcePublished;
        source.publishedLine = row.line;
      } else if (source.publishedAt?.getTime() !== row.sourcePublished.getTime()) {
        const stored = source.publishedAt ? source.publishedAt.toISOString() : "no date";
        report(row.line, "source_published", source.existingId !== null ? `the source is stored with ${stored === "no date" ? "no publication date" : `the publication date ${stored}`}` : `line ${source.publishedLine} gives this source the date ${stored}`);
        ok = false;
      }
    }
    return ok ? source : null;
  };

  // 6. Rows to attributions, checking each quote against stored article text.
  const attributions: PlannedAttribution[] = [];
  const keys = new Set<string>();
  let duplicatesSkipped = 0;
  let quotesWithoutOffsets = 0;
  const closeQuotes: CloseQuote[] = [];
  const accepts = options.acceptCloseQuotes === "all" ? "all" : new Set(options.acceptCloseQuotes ?? []);
  const isAccepted = (close: Omit<CloseQuote, "accepted">) => accepts === "all" || accepts.has(closeQuoteKey(close));
  const planned: { row: ImportRow; claimKey: string; actor: PlannedActor; via: PlannedActor[]; source: PlannedSource; anchor: PlannedAttribution["anchor"] }[] = [];

  for (const row of rows) {
    const claimKey = resolveClaim(row);
    if (claimKey) {
      const claim = claims.get(claimKey)!;
      if (claim.status !== row.status) report(row.line, "status", `line ${claim.statusLine} gives this claim the status "${claim.status}"; a claim has one status`);
    }
    const actor = resolveActor(row.actor, row.line);
    actor.speaks = true;
    if (row.actorKind) {
      if (actor.kind === null) {
        actor.kind = row.actorKind;
        actor.kindLine = row.line;
      } else if (actor.kind !== row.actorKind) {
        report(
          row.line,
          "actor_kind",
          actor.existingId !== null
            ? `${quoted(actor.name)} is recorded as ${actor.kind}; write ${actor.kind} or leave actor_kind empty`
            : `line ${actor.kindLine} says ${quoted(actor.name)} is ${actor.kind}`,
        );
      }
    }
    const via = row.via.map((name) => resolveActor(name, row.line));
    const source = resolveSource(row);
    if (!claimKey || !source) continue;

    const anchor = anchorRow(row, source, isAccepted);
    if (anchor.close) closeQuotes.push(anchor.close);
    if (!anchor.ok) {
      report(row.line, anchor.column, anchor.message);
      continue;
    }
    if (source.text.length === 0 && row.quoteStart !== null) quotesWithoutOffsets++;
    planned.push({ row, claimKey, actor, via, source, anchor: anchor.anchor });
  }

  // Attributions already stored, for the claims, sources and actors that exist: the same
  // claim, source, actor, stance, quote and offsets means the same attribution.
  const existingClaimIds = [...claims.values()].filter((claim) => claim.existing).map((claim) => claim.id!);
  const stored = await findInChunks(existingClaimIds, (ids) =>
    db.attribution.findMany({ where: { claimId: { in: ids } }, select: { claimId: true, sourceId: true, actorId: true, stance: true, quote: true, quoteStart: true, quoteEnd: true } }),
  );
  for (const a of stored) keys.add(identity(`id:${a.claimId}`, `s#${a.sourceId}`, `a#${a.actorId}`, a.stance, a.quote, a.quoteStart, a.quoteEnd));

  for (const item of planned) {
    const claim = claims.get(item.claimKey)!;
    const key = identity(
      claim.existing ? `id:${claim.id}` : claim.key,
      item.source.existingId !== null ? `s#${item.source.existingId}` : item.source.key,
      item.actor.existingId !== null ? `a#${item.actor.existingId}` : item.actor.key,
      item.row.stance,
      item.anchor.quote,
      item.anchor.quoteStart,
      item.anchor.quoteEnd,
    );
    if (keys.has(key)) {
      duplicatesSkipped++;
      continue;
    }
    keys.add(key);
    attributions.push({
      line: item.row.line,
      claimKey: item.claimKey,
      actorKey: item.actor.key,
      viaKeys: item.via.map((actor) => actor.key),
      sourceKey: item.source.key,
      stance: item.row.stance,
      verb: item.row.verb,
      sourcing: item.row.sourcing,
      actorRole: item.row.actorRole,
      accuracy: item.row.accuracy,
      anchor: item.anchor,
    });
  }

  // Actors met only in via chains are relays: news outlets unless a row says otherwise.
  for (const actor of actors.values()) {
    if (actor.existingId === null && actor.kind === null) actor.kind = actor.speaks ? "organisation" : "news_outlet";
  }

  const claimList = [...claims.values()];
  const actorList = [...actors.values()];
  const sourceList = [...sources.values()];
  // Existing records reached under two spellings (a name and an alias) are one record.
  const newActors = actorList.filter((actor) => actor.existingId === null);
  return {
    plan: {
      topicsToCreate,
      claims: claimList,
      actors: actorList,
      sources: sourceList,
      attributions,
      closeQuotes,
      summary: {
        rows: table.rows.length,
        claimsToCreate: claimList.filter((claim) => !claim.existing).length,
        claimsMatched: claimList.filter((claim) => claim.existing).length,
        statusChanges: claimList.filter((claim) => claim.existing && claim.currentStatus !== claim.status).length,
        topicsToCreate: topicsToCreate.length,
        actorsToCreate: newActors.length,
        sourcesToCreate: sourceList.filter((source) => source.existingId === null).length,
        attributionsToAdd: attributions.length,
        duplicatesSkipped,
        quotesWithoutOffsets,
        closeQuotesAccepted: closeQuotes.filter((close) => close.accepted).length,
      },
    },
    problems,
  };
}

function identity(claim: string, source: string, actor: string, stance: string, quote: string, start: number | null, end: number | null): string {
  return JSON.stringify([claim, source, actor, stance, quote, start, end]);
}

type Anchored = ({ ok: true; anchor: PlannedAttribution["anchor"] } | { ok: false; column: ImportColumn; message: string }) & { close?: CloseQuote };

/**
 * Where the quote sits in the source (lib/sources/place-quote.ts): exactly the text at the
 * given offsets, or (without offsets) words that occur exactly once. A quote that is
 * neither but close to a passage (lib/sources/quote-suggestion.ts) is a close quote:
 * imported as the article's words at that passage when accepted, a problem naming those
 * words when not. A source without stored text (as every source an import creates) keeps
 * the quote's words only: offsets into it are dropped, and counted in the summary.
 */
function anchorRow(row: ImportRow, source: PlannedSource, isAccepted: (close: Omit<CloseQuote, "accepted">) => boolean): Anchored {
  const offsets = row.quoteStart !== null && row.quoteEnd !== null ? { start: row.quoteStart, end: row.quoteEnd } : null;
  const placed = placeQuote(source.text, row.quote, offsets, { offsetsWithoutText: "drop" });
  if (placed.ok) return placed;
  const { problem } = placed;
  if (problem.kind === "ambiguous") return { ok: false, column: "quote_start", message: `${problem.message}: give quote_start and quote_end` };
  const refusal: { column: ImportColumn; message: string; suggestion: QuoteSuggestion | null } = offsets
    ? { column: "quote", message: `does not match the stored text of ${quoted(source.title, 60)}: ${problem.message}`, suggestion: suggestQuote(source.text, row.quote, offsets.start) }
    : { column: "quote", message: `${problem.message} of ${quoted(source.title, 60)}`, suggestion: suggestQuote(source.text, row.quote) };
  const { suggestion } = refusal;
  if (!suggestion) return { ok: false, column: refusal.column, message: refusal.message };
  const offered = { line: row.line, quote: row.quote, suggestion };
  if (!isAccepted(offered)) {
    const where = `characters ${suggestion.start}–${suggestion.end}, score ${suggestion.score}`;
    return { ok: false, column: refusal.column, message: `${refusal.message}; close to the article's words ${quoted(suggestion.exact)} (${where}): accept close quotes to import those words`, close: { ...offered, accepted: false } };
  }
  const anchored = anchorAt(source.text, suggestion.start, suggestion.end);
  if (!anchored.ok) throw new Error("unreachable: a suggestion lies inside its text");
  return { ok: true, anchor: anchored.anchor, close: { ...offered, accepted: true } };
}
