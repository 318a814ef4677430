"use client";

import { useEffect, useState } from "react";

export type SimilarChoice = { id: number; text: string; topic: { key: string; label: string }; score: number; likely: boolean; matchedWords: string[] };

const DELAY_MS = 300;
/** Fewer words than this say too little to match on: no request. */
const MIN_LENGTH = 12;
const MAX_LENGTH = 2000;

/**
 * The claims already tracked that are likely the same as `text` (GET /api/claims/similar,
 * at or above its threshold), asked for shortly after the text stops changing. Answers
 * remember the text they answer, so an old answer never shows for new words. A failed
 * request shows nothing: the suggestion is a help, never in the way of the form.
 */
export function useSimilarClaims(text: string, limit = 3): SimilarChoice[] {
  const [found, setFound] = useState<{ text: string; items: SimilarChoice[] } | null>(null);
  const words = text.trim().slice(0, MAX_LENGTH);
  useEffect(() => {
    if (words.length < MIN_LENGTH) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/claims/similar?${new URLSearchParams({ text: words, limit: String(limit) })}`, { signal: controller.signal });
        if (!response.ok) return;
        const body = (await response.json()) as { items: SimilarChoice[] };
        setFound({ text: words, items: body.items.filter((item) => item.likely) });
      } catch {
        // Aborted or offline: no suggestion.
      }
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [words, limit]);
  return words.length >= MIN_LENGTH && found?.text === words ? found.items : [];
}
