import type { Prisma } from "@/lib/generated/prisma/client";
import { findOrCreateActor } from "@/lib/actors/resolve-actor";
import { InvalidInputError } from "@/lib/errors";
import { anchorQuote } from "@/lib/sources/anchor-quote";
import type { AttributionInput } from "@/lib/claims/schemas";

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

  const anchor = placeQuote(source.text, input, key);
  const actor = await findOrCreateActor(tx, input.actor, { kind: input.actorKind, role: null });
  const viaIds: number[] = [];
  for (const name of input.via) viaIds.push((await findOrCreateActor(tx, name, { kind: "news_outlet" })).id);

  return tx.attribution.create({
    data: {
      claimId,
      sourceId: source.id,
      actorId: actor.id,
      stance: input.stance,
      verb: input.verb ?? null,
      sourcing: input.sourcing,
      actorRole: input.actorRole ?? null,
      ...anchor,
      via: { create: viaIds.map((actorId, position) => ({ actorId, position })) },
    },
    select: { id: true, claimId: true, sourceId: true, actorId: true, stance: true, verb: true, sourcing: true, quote: true, quoteStart: true, quoteEnd: true, version: true },
  });
}

function placeQuote(text: string, input: AttributionInput, key: (name: string) => string) {
  const start = input.quoteStart ?? null;
  const end = input.quoteEnd ?? null;
  const placed = anchorQuote(text, input.quote, start !== null && end !== null ? { start, end } : null, { offsetsWithoutText: "refuse" });
  if (placed.ok) return placed.anchor;
  const { problem } = placed;
  const [field, message] =
    problem.kind === "no_text"
      ? [key("quoteStart"), problem.message]
      : problem.kind === "not_found" || problem.kind === "ambiguous"
        ? // No offsets: the words must occur exactly once (a quote typed or pasted by hand).
          [key("quote"), `${problem.message}; select the passage in the article or give its offsets`]
        : [key("quote"), `the quote does not match the source text: ${problem.message}`];
  throw new InvalidInputError(`${field}: ${message}`, { [field]: [message] });
}
