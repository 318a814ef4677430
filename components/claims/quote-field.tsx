"use client";

import { useRef, useState } from "react";
import { fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/http/action";
import type { QuoteSuggestion } from "@/lib/sources/quote-suggestion";

/**
 * The quote typed or pasted by hand. When the server refuses it because the article does
 * not hold these words exactly, it may offer the passage meant (`state.suggestion`): shown
 * as "Did you mean: …" with the article's words marked inside their sentence, and one
 * button that puts the article's words, and their offsets, in the form. Nothing is stored
 * until the form is sent again, and then only the article's words.
 */
export function QuoteField({ state, names, errorId, initial = "" }: { state: ActionState; names: string[]; errorId: string; initial?: string }) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const suggestion = state.status === "error" ? state.suggestion : undefined;
  // The suggestion taken: its words are in the field, its offsets go with them.
  const [taken, setTaken] = useState<QuoteSuggestion | null>(null);

  function take(chosen: QuoteSuggestion) {
    if (textarea.current) textarea.current.value = chosen.exact;
    setTaken(chosen);
    textarea.current?.focus();
  }

  return (
    <div className="field">
      <label htmlFor="attribution-quote">Exact words quoted from the article</label>
      <textarea
        ref={textarea}
        id="attribution-quote"
        name="quote"
        rows={3}
        required
        defaultValue={submitted(state, "quote", initial)}
        // Edited after taking the article's words: the offsets no longer describe them.
        onChange={(event) => (taken && event.currentTarget.value !== taken.exact ? setTaken(null) : undefined)}
        {...fieldErrorProps(state, names, errorId)}
      />
      {taken ? (
        <>
          <input type="hidden" name="quoteStart" value={taken.start} />
          <input type="hidden" name="quoteEnd" value={taken.end} />
        </>
      ) : null}
      <span className="muted">Paste them as printed. If they differ from the article&apos;s (quotes, dashes, spacing, a typo), the article&apos;s own words are offered.</span>
      {suggestion && suggestion !== taken ? (
        <div className="quote-suggestion" role="group" aria-labelledby="quote-suggestion-title">
          <p id="quote-suggestion-title">
            <strong>Did you mean:</strong> the article&apos;s words at characters {suggestion.start}–{suggestion.end}
          </p>
          <blockquote className="quote-context">
            {suggestion.before}
            <mark>{suggestion.exact}</mark>
            {suggestion.after}
          </blockquote>
          <button type="button" onClick={() => take(suggestion)}>
            Use the article&apos;s words
          </button>
        </div>
      ) : null}
      {taken ? (
        <p className="muted" role="status">
          The article&apos;s words (characters {taken.start}–{taken.end}) are in the field; send the form to store them.
        </p>
      ) : null}
    </div>
  );
}
