import { formLines, formNumber, formText } from "@/lib/http/action";

/**
 * The attribution fields of a form as the JSON API would send them. Shared by the "new
 * claim from this quote" and "add attribution" forms so both read the same field names.
 */
export function attributionFromForm(form: FormData) {
  return {
    sourceId: formNumber(form, "sourceId"),
    actor: formText(form, "actor"),
    actorKind: formText(form, "actorKind") || undefined,
    actorRole: formText(form, "actorRole"),
    stance: formText(form, "stance"),
    verb: formText(form, "verb"),
    sourcing: formText(form, "sourcing") || undefined,
    via: formLines(form, "via"),
    quote: formText(form, "quote"),
    quoteStart: formNumber(form, "quoteStart") ?? null,
    quoteEnd: formNumber(form, "quoteEnd") ?? null,
  };
}
