import { z } from "zod";
import { VIA_SEPARATOR } from "@/lib/export/columns";
import type { ImportColumn } from "@/lib/import/columns";
import type { ImportProblem } from "@/lib/import/problems";
import { tidyText } from "@/lib/text/normalize";
import { ACCURACIES, ACTOR_KINDS, SOURCINGS, STANCES, type Accuracy, type ActorKind, type Sourcing, type Stance } from "@/lib/vocabulary/terms";

/** One attributions.csv row, checked and typed. Text is kept exactly as given unless noted. */
export type ImportRow = {
  line: number;
  claimId: number | null;
  claim: string;
  topic: string;
  status: string;
  /** Tidied (spaces collapsed, trimmed), as actor names are stored. */
  actor: string;
  actorKind: ActorKind | null;
  actorRole: string | null;
  stance: Stance;
  verb: string | null;
  via: string[];
  sourceTitle: string;
  sourceOutlet: string;
  sourceUrl: string | null;
  sourcePublished: Date | null;
  quote: string;
  quoteStart: number | null;
  quoteEnd: number | null;
  accuracy: Accuracy;
  sourcing: Sourcing;
};

/** What a row may refer to: the topic and status keys that exist (or will be created). */
export type RowVocabulary = { topicKeys: ReadonlySet<string>; statusKeys: ReadonlySet<string>; createTopics: boolean };

export const MAX_VIA = 10;
/** How a topic key created by --create-topics must look (as the seed's keys do). */
export const TOPIC_KEY = /^[a-z0-9][a-z0-9_-]*$/;

const urlSchema = z.url({ protocol: /^https?$/ }).max(2000);
const dateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const WHOLE = /^(0|[1-9][0-9]{0,15})$/;
/** The export writes " > " between names; any spacing around ">" is accepted, so a name in a chain cannot contain ">". */
const VIA_SPLIT = /\s*>\s*/;

const list = (values: readonly string[]) => values.join(", ");

/**
 * Check one row. `cell(column)` is the cell's value, or undefined when the file has no such
 * column (reported once for the header, not per row). Returns the typed row when every
 * present column is valid and every required one is there, and every problem otherwise.
 */
export function parseRow(line: number, cell: (column: ImportColumn) => string | undefined, vocabulary: RowVocabulary): { row: ImportRow | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let complete = true;
  const problem = (column: ImportColumn, message: string) => {
    problems.push({ row: line, column, message });
    complete = false;
  };
  /** The cell, or "" for an absent optional column; undefined (and incomplete) for an absent required one. */
  const value = (column: ImportColumn, required: boolean): string | undefined => {
    const raw = cell(column);
    if (raw === undefined && required) complete = false;
    return raw ?? (required ? undefined : "");
  };
  const requiredText = (column: ImportColumn, max: number, options: { trim: boolean }): string => {
    const raw = value(column, true);
    if (raw === undefined) return "";
    const text = options.trim ? raw.trim() : raw;
    if (raw.trim() === "") problem(column, "is required");
    else if (text.length > max) problem(column, `must be at most ${max.toLocaleString("en")} characters`);
    return text;
  };
  const optionalText = (column: ImportColumn, max: number): string | null => {
    const text = (value(column, false) ?? "").trim();
    if (text.length > max) problem(column, `must be at most ${max.toLocaleString("en")} characters`);
    return text === "" ? null : text;
  };
  const oneOf = <T extends string>(column: ImportColumn, values: readonly T[], fallback: T | null, required: boolean): T | null => {
    const raw = value(column, required);
    if (raw === undefined) return fallback;
    const text = raw.trim();
    if (text === "") {
      if (required) problem(column, "is required");
      return fallback;
    }
    if (!(values as readonly string[]).includes(text)) {
      problem(column, `must be one of ${list(values)} (got "${text}")`);
      return fallback;
    }
    return text as T;
  };

  // claim_id: empty for a claim to match by text and topic (or create).
  const rawId = (value("claim_id", false) ?? "").trim();
  let claimId: number | null = null;
  if (rawId !== "") {
    if (WHOLE.test(rawId) && Number(rawId) > 0 && Number.isSafeInteger(Number(rawId))) claimId = Number(rawId);
    else problem("claim_id", `must be a positive whole number, or empty for a new claim (got "${rawId}")`);
  }

  // The claim text is stored exactly as written; only its length is checked without the spaces.
  const claim = value("claim", true) ?? "";
  if (cell("claim") !== undefined) {
    const length = claim.trim().length;
    if (length === 0) problem("claim", "is required");
    else if (length < 3) problem("claim", "must be at least 3 characters");
    else if (claim.length > 1000) problem("claim", "must be at most 1,000 characters");
  }

  const topic = (value("topic", true) ?? "").trim();
  if (cell("topic") !== undefined) {
    if (topic === "") problem("topic", "is required");
    else if (!vocabulary.topicKeys.has(topic)) {
      if (!vocabulary.createTopics) problem("topic", `unknown topic "${topic}"; known topics: ${list([...vocabulary.topicKeys])} (an admin adds topics; the command line can create them with --create-topics)`);
      else if (!TOPIC_KEY.test(topic)) problem("topic", `a new topic key must be lower-case letters, digits, - or _ (got "${topic}")`);
    }
  }

  const status = (value("status", true) ?? "").trim();
  if (cell("status") !== undefined) {
    if (status === "") problem("status", "is required");
    else if (!vocabulary.statusKeys.has(status)) problem("status", `unknown status "${status}"; known statuses: ${list([...vocabulary.statusKeys])}`);
  }

  const actor = tidyText(requiredText("actor", 200, { trim: true }));
  const actorKind = oneOf("actor_kind", ACTOR_KINDS, null, false);
  const actorRole = optionalText("actor_role", 200);
  const stance = oneOf("stance", STANCES, "asserts", true);
  const verb = optionalText("verb", 100);

  const rawVia = (value("via", false) ?? "").trim();
  const via = rawVia === "" ? [] : rawVia.split(VIA_SPLIT).map((name) => tidyText(name));
  if (via.some((name) => name === "")) problem("via", `has an empty name; separate the intermediaries with "${VIA_SEPARATOR}"`);
  else if (via.length > MAX_VIA) problem("via", `can name at most ${MAX_VIA} intermediaries`);
  else if (via.some((name) => name.length > 200)) problem("via", "names must be at most 200 characters");

  const sourceTitle = requiredText("source_title", 500, { trim: true });
  const sourceOutlet = requiredText("source_outlet", 200, { trim: true });

  const rawUrl = (value("source_url", false) ?? "").trim();
  let sourceUrl: string | null = null;
  if (rawUrl !== "") {
    if (urlSchema.safeParse(rawUrl).success) sourceUrl = rawUrl;
    else problem("source_url", `must be an http(s) address (got "${shorten(rawUrl)}")`);
  }

  const rawDate = (value("source_published", false) ?? "").trim();
  let sourcePublished: Date | null = null;
  if (rawDate !== "") {
    const date = new Date(rawDate);
    if (dateSchema.safeParse(rawDate).success && !Number.isNaN(date.getTime())) sourcePublished = date;
    else problem("source_published", `must be an ISO 8601 date (2024-10-15) or date-time (2024-10-15T09:30:00.000Z) (got "${shorten(rawDate)}")`);
  }

  // Quotes are the source's exact words: never trimmed.
  const quote = requiredText("quote", 5000, { trim: false });

  const start = offset("quote_start", value("quote_start", false) ?? "", problem);
  const end = offset("quote_end", value("quote_end", false) ?? "", problem);
  let quoteStart: number | null = null;
  let quoteEnd: number | null = null;
  if (start !== undefined && end !== undefined) {
    if ((start === null) !== (end === null)) {
      problem(start === null ? "quote_start" : "quote_end", "give both quote_start and quote_end, or leave both empty");
    } else if (start !== null && end !== null && start >= end) {
      problem("quote_end", `must be greater than quote_start (${start})`);
    } else {
      quoteStart = start;
      quoteEnd = end;
    }
  }

  const accuracy = oneOf("attribution_accuracy", ACCURACIES, "unchecked", false);
  const sourcing = oneOf("sourcing", SOURCINGS, "named", false);

  if (!complete) return { row: null, problems };
  return {
    row: {
      line,
      claimId,
      claim,
      topic,
      status,
      actor,
      actorKind,
      actorRole,
      stance: stance!,
      verb,
      via,
      sourceTitle,
      sourceOutlet,
      sourceUrl,
      sourcePublished,
      quote,
      quoteStart,
      quoteEnd,
      accuracy: accuracy!,
      sourcing: sourcing!,
    },
    problems,
  };
}

/** An offset cell: null when empty, undefined when invalid (already reported). */
function offset(column: ImportColumn, raw: string, problem: (column: ImportColumn, message: string) => void): number | null | undefined {
  const text = raw.trim();
  if (text === "") return null;
  if (!WHOLE.test(text) || !Number.isSafeInteger(Number(text))) {
    problem(column, `must be a whole number of 0 or more (got "${shorten(text)}")`);
    return undefined;
  }
  return Number(text);
}

function shorten(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
