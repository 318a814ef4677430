"use client";

import { QuoteField } from "@/components/claims/quote-field";
import { FieldError, fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/http/action";
import { ACTOR_KINDS, ACTOR_KIND_LABELS, SOURCINGS, STANCES, STANCE_LABELS } from "@/lib/vocabulary/terms";

export type QuoteChoice = { quote: string; start: number; end: number } | null;

/** Field names of an attribution, also as the API reports them inside a new claim. */
const names = (field: string) => [field, `attributions.0.${field}`];

/**
 * Who said it, how, through whom, and the exact words. The actor field suggests known
 * names and aliases; a new name creates an actor of the chosen kind.
 */
export function AttributionFields({
  state,
  sourceId,
  quote,
  actorNames,
  initial = {},
}: {
  state: ActionState;
  sourceId: number;
  quote: QuoteChoice;
  actorNames: string[];
  /** The values stored so far, when correcting an attribution. */
  initial?: Partial<Record<"quote" | "actor" | "actorRole" | "stance" | "verb" | "sourcing" | "via", string>>;
}) {
  return (
    <fieldset className="stack-form">
      <legend>Attribution</legend>
      <input type="hidden" name="sourceId" value={sourceId} />
      {quote ? (
        <>
          <input type="hidden" name="quote" value={quote.quote} />
          <input type="hidden" name="quoteStart" value={quote.start} />
          <input type="hidden" name="quoteEnd" value={quote.end} />
          <p>
            Quote (characters {quote.start}–{quote.end}):
          </p>
          <blockquote className="quote-context">{quote.quote}</blockquote>
        </>
      ) : (
        <QuoteField state={state} names={names("quote")} errorId="attribution-quote-error" initial={initial.quote ?? ""} />
      )}
      <FieldError state={state} names={[...names("quote"), ...names("quoteStart"), ...names("quoteEnd"), ...names("sourceId")]} id="attribution-quote-error" />

      <div className="field">
        <label htmlFor="attribution-actor">Who (person, government, outlet, or e.g. “reports from Kyiv”)</label>
        <input id="attribution-actor" name="actor" list="known-actors" required autoComplete="off" defaultValue={submitted(state, "actor", initial.actor ?? "")} {...fieldErrorProps(state, names("actor"), "attribution-actor-error")} />
        <datalist id="known-actors">
          {actorNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <FieldError state={state} names={names("actor")} id="attribution-actor-error" />
      </div>
      <div className="field">
        <label htmlFor="attribution-kind">Kind, if this is a new actor</label>
        <select id="attribution-kind" name="actorKind" defaultValue={submitted(state, "actorKind", "person")}>
          {ACTOR_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ACTOR_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="attribution-role">Their role or title, as the article gives it</label>
        <input id="attribution-role" name="actorRole" type="text" defaultValue={submitted(state, "actorRole", initial.actorRole ?? "")} placeholder="e.g. The Kremlin’s spokesperson" />
      </div>
      <div className="field">
        <label htmlFor="attribution-stance">Stance</label>
        <select id="attribution-stance" name="stance" defaultValue={submitted(state, "stance", initial.stance ?? "asserts")} {...fieldErrorProps(state, names("stance"), "attribution-stance-error")}>
          {STANCES.map((stance) => (
            <option key={stance} value={stance}>
              {STANCE_LABELS[stance]}
            </option>
          ))}
        </select>
        <FieldError state={state} names={names("stance")} id="attribution-stance-error" />
      </div>
      <div className="field">
        <label htmlFor="attribution-verb">Verb the article uses</label>
        <input id="attribution-verb" name="verb" type="text" defaultValue={submitted(state, "verb", initial.verb ?? "")} placeholder="said, alleged, claims, denounced as fake news, refuted" />
      </div>
      <div className="field">
        <label htmlFor="attribution-sourcing">Sourcing</label>
        <select id="attribution-sourcing" name="sourcing" defaultValue={submitted(state, "sourcing", initial.sourcing ?? "named")}>
          {SOURCINGS.map((sourcing) => (
            <option key={sourcing} value={sourcing}>
              {sourcing}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="attribution-via">Via: intermediaries, one per line, nearest to the speaker first</label>
        <textarea id="attribution-via" name="via" rows={2} defaultValue={submitted(state, "via", initial.via ?? "")} placeholder={"Reuters"} {...fieldErrorProps(state, names("via"), "attribution-via-error")} />
        <FieldError state={state} names={names("via")} id="attribution-via-error" />
      </div>
    </fieldset>
  );
}
