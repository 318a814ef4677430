import type { Prisma } from "@/lib/generated/prisma/client";
import { findOrCreateActor } from "@/lib/actors/resolve-actor";
import { InvalidInputError } from "@/lib/errors";
import { placeQuote } from "@/lib/sources/place-quote";
import type { AttributionInput } from "@/lib/claims/schemas";
import { describeSuggestion, suggestQuote, type QuoteSuggestion } from "@/lib/sources/quote-suggestion";

type Tx = Prisma.TransactionClient;

/**
 * Write one attribution of a claim: check the source exists and that the quote is exactly
 * the source text at the given offsets (without offsets, that the words occur exactly
 * once; for a source stored without text, that no offsets are claimed), resolve the actor and the via-chain by name or alias (creating
 * unknown ones), and store the anchored quote. `field` prefixes error keys, e.g.
 * "attributions.0".
 */
export async function writeAttribution(tx: Tx, claimId: number, input: AttributionInput, field = "") {
  const key = (name: string) => (field ? `${field}.${name}` : name);
  const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true, text: true } });
  if (!source) throw new InvalidInputError(`${key("sourceId")}: no source with id ${input.sourceId}`, { [key("sourceId")]: [`no source with id ${input.sourceId}`] });

  const { columns, viaIds } = await attributionColumns(tx, source.text, input, key);
  return tx.attribution.create({
    data: {
      claimId,
      sourceId: source.id,
      ...columns,
      via: { create: viaIds.map((actorId, position) => ({ actorId, position })) },
    },
    select: { id: true, claimId: true, sourceId: true, actorId: true, stance: true, verb: true, sourcing: true, quote: true, quoteStart: true, quoteEnd: true, version: true },
  });
}

/**
 * An attribution's columns from its input, shared by a new attribution and a correction:
 * the quote anchored in the source text (refused if it is not there), the actor and the
 * via-chain resolved by name or alias (unknown ones created).
 */
export async function attributionColumns(tx: Tx, sourceText: string, input: Omit<AttributionInput, "sourceId">, key?: (name: string) => string) {
  const anchor = anchorQuote(sourceText, input, key);
  const actor = await findOrCreateActor(tx, input.actor, { kind: input.actorKind, role: null });
  const viaIds: number[] = [];
  for (const name of input.via) viaIds.push((await findOrCreateActor(tx, name, { kind: "news_outlet" })).id);
  const columns = { actorId: actor.id, stance: input.stance, verb: input.verb ?? null, sourcing: input.sourcing, actorRole: input.actorRole ?? null, ...anchor };
  return { columns, viaIds };
}

type QuoteInput = Pick<AttributionInput, "quote" | "quoteStart" | "quoteEnd">;

/**
 * The one place a quote given to Claimtrail is anchored (the API, the forms and, through
 * issue 12, the importer): its words must be the source text's exactly. A quote that is
 * not is refused as before, and the refusal carries `suggestion` (lib/sources/quote-suggestion.ts)
 * when the matcher finds the passage meant, so a client can resend the article's words:
 * the words stored are always the article's, never the quote as typed.
 */
export function anchorQuote(text: string, input: QuoteInput, key: (name: string) => string = (name) => name) {
  const start = input.quoteStart ?? null;
  const end = input.quoteEnd ?? null;
  const offsets = start !== null && end !== null ? { start, end } : null;
  const placed = placeQuote(text, input.quote, offsets, { offsetsWithoutText: "refuse" });
  if (placed.ok) return placed.anchor;
  const { problem } = placed;
  if (problem.kind === "no_text") throw new InvalidInputError(`${key("quoteStart")}: ${problem.message}`, { [key("quoteStart")]: [problem.message] });
  if (!offsets) {
    // No offsets: the words must occur exactly once (a quote typed or pasted by hand). Words
    // that occur several times are exact: the offsets are missing, not the words.
    const suggestion = problem.kind === "not_found" ? suggestQuote(text, input.quote) : null;
    throw quoteError(key("quote"), `${problem.message}; ${suggestion ? describeSuggestion(suggestion) : "select the passage in the article or give its offsets"}`, suggestion);
  }
  const suggestion = suggestQuote(text, input.quote, offsets.start);
  throw quoteError(key("quote"), `the quote does not match the source text: ${problem.message}${suggestion ? `; ${describeSuggestion(suggestion)}` : ""}`, suggestion);
}

/** A 400 on the quote field; with `suggestion: { exact, start, end, score, before, after }` when there is one. */
function quoteError(field: string, message: string, suggestion: QuoteSuggestion | null): InvalidInputError {
  return new InvalidInputError(`${field}: ${message}`, { [field]: [message] }, suggestion ? { suggestion } : {});
}
