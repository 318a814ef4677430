import type { z } from "zod";
import { actorNameSchema, actorRoleSchema, claimTextSchema, quoteSchema, statusKeySchema, topicKeySchema, verbSchema, viaSchema } from "@/lib/claims/schemas";
import { VIA_SEPARATOR } from "@/lib/export/columns";
import type { ImportColumn } from "@/lib/import/columns";
import type { ImportProblem } from "@/lib/import/problems";
import { publishedAtSchema, sourceOutletSchema, sourceTitleSchema, sourceUrlSchema } from "@/lib/sources/schemas";
import { tidyText } from "@/lib/text/normalize";
import { unknownKey } from "@/lib/text/text-schema";
import { accuracySchema, actorKindSchema, sourcingSchema, stanceSchema, type Accuracy, type ActorKind, type Sourcing, type Stance } from "@/lib/vocabulary/terms";

/** One attributions.csv row, checked and typed: text as the field's schema leaves it (trimmed, except the quote). */
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

/** How a topic key created by --create-topics must look (as the seed's keys do). */
export const TOPIC_KEY = /^[a-z0-9][a-z0-9_-]*$/;

const WHOLE = /^(0|[1-9][0-9]{0,15})$/;
/** The export writes " > " between names; any spacing around ">" is accepted, so a name in a chain cannot contain ">". */
const VIA_SPLIT = /\s*>\s*/;

/**
 * Check one row. Each cell is checked with its field's schema, the one the API and the
 * forms use (lib/claims/schemas.ts, lib/sources/schemas.ts), so a value gets the same
 * message wherever it is entered. `cell(column)` is the cell's value, or undefined when the
 * file has no such column (reported once for the header, not per row). Returns the typed
 * row when every present column is valid and every required one is there, and every
 * problem otherwise.
 */
export function parseRow(line: number, cell: (column: ImportColumn) => string | undefined, vocabulary: RowVocabulary): { row: ImportRow | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let complete = true;
  const problem = (column: ImportColumn, message: string) => {
    problems.push({ row: line, column, message });
    complete = false;
  };
  /**
   * The cell checked with `schema`: its value, or `fallback` after reporting the schema's
   * first message. An absent optional column reads as an empty cell; an absent required one
   * leaves the row incomplete without a message of its own.
   */
  const field = <T>(column: ImportColumn, schema: z.ZodType<T, string | undefined>, fallback: T, options: { required: boolean }): T => {
    const raw = cell(column);
    if (raw === undefined && options.required) {
      complete = false;
      return fallback;
    }
    const parsed = schema.safeParse(raw ?? "");
    if (parsed.success) return parsed.data;
    problem(column, parsed.error.issues[0]!.message);
    return fallback;
  };
  /** A closed vocabulary: an empty cell takes the default the API gives an absent field. */
  const term = <T extends string>(column: ImportColumn, schema: z.ZodType<T, string>, fallback: T | null, required: boolean): T | null => {
    const raw = (cell(column) ?? "").trim();
    if (raw === "" && !required) return fallback;
    return field(column, schema as z.ZodType<T | null, string | undefined>, fallback, { required });
  };

  // claim_id: empty for a claim to match by text and topic (or create).
  const rawId = (cell("claim_id") ?? "").trim();
  let claimId: number | null = null;
  if (rawId !== "") {
    if (WHOLE.test(rawId) && Number(rawId) > 0 && Number.isSafeInteger(Number(rawId))) claimId = Number(rawId);
    else problem("claim_id", `must be a positive whole number, or empty for a new claim (got "${rawId}")`);
  }

  const claim = field("claim", claimTextSchema, "", { required: true });

  const topic = field("topic", topicKeySchema, "", { required: true });
  if (topic !== "" && !vocabulary.topicKeys.has(topic)) {
    if (!vocabulary.createTopics) problem("topic", unknownKey("topic", topic, [...vocabulary.topicKeys]));
    else if (!TOPIC_KEY.test(topic)) problem("topic", `a new topic key must be lower-case letters, digits, - or _ (got "${topic}")`);
  }

  const status = field("status", statusKeySchema, "", { required: true });
  if (status !== "" && !vocabulary.statusKeys.has(status)) problem("status", unknownKey("status", status, [...vocabulary.statusKeys]));

  // Names are stored tidied (spaces collapsed), as findOrCreateActor stores them.
  const actor = tidyText(field("actor", actorNameSchema, "", { required: true }));
  const actorKind = term("actor_kind", actorKindSchema, null, false);
  const actorRole = field("actor_role", actorRoleSchema, undefined, { required: false }) ?? null;
  const stance = term("stance", stanceSchema, "asserts", true);
  const verb = field("verb", verbSchema, undefined, { required: false }) ?? null;

  const rawVia = (cell("via") ?? "").trim();
  const viaNames = rawVia === "" ? [] : rawVia.split(VIA_SPLIT);
  let via: string[] = [];
  if (viaNames.some((name) => name.trim() === "")) problem("via", `has an empty name; separate the intermediaries with "${VIA_SEPARATOR}"`);
  else {
    const parsed = viaSchema.safeParse(viaNames);
    if (parsed.success) via = parsed.data.map(tidyText);
    else problem("via", parsed.error.issues[0]!.message);
  }

  const sourceTitle = field("source_title", sourceTitleSchema, "", { required: true });
  const sourceOutlet = field("source_outlet", sourceOutletSchema, "", { required: true });
  const sourceUrl = optional("source_url", sourceUrlSchema);
  const published = optional("source_published", publishedAtSchema);
  const sourcePublished = published === null ? null : new Date(published);
  if (sourcePublished && Number.isNaN(sourcePublished.getTime())) problem("source_published", `is not a date that exists (got "${shorten(published!)}")`);

  const quote = field("quote", quoteSchema, "", { required: true });

  const start = offset("quote_start", cell("quote_start") ?? "", problem);
  const end = offset("quote_end", cell("quote_end") ?? "", problem);
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

  const accuracy = term("attribution_accuracy", accuracySchema, "unchecked", false);
  const sourcing = term("sourcing", sourcingSchema, "named", false);

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

  /** An optional cell with a format (an address, a date): null when empty. */
  function optional(column: ImportColumn, schema: z.ZodType<string, string>): string | null {
    const text = (cell(column) ?? "").trim();
    if (text === "") return null;
    const parsed = schema.safeParse(text);
    if (parsed.success) return parsed.data;
    problem(column, parsed.error.issues[0]!.message);
    return null;
  }
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
