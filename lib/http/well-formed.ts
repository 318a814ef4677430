import { WELL_FORMED_MESSAGE } from "@/lib/text/text-schema";

/**
 * The checks a JSON request body passes before any schema sees it, each linear in the
 * body's size and without recursion, so no body can hold the event loop or overflow the
 * stack (issue 11: an 8 MB body of 4,000 nested arrays used to take 28 s, and 100,000
 * nested `[` a stack overflow):
 * 1. nesting depth, counted on the raw text before parsing (JSON.parse itself takes
 *    seconds over millions of nested brackets): no request of this API nests deeper than a
 *    handful of levels;
 * 2. every string (keys included) is well-formed Unicode: a lone surrogate such as
 *    "\ud800" cannot be stored faithfully (the database driver rejects it).
 */
export const MAX_JSON_DEPTH = 32;

/** Where a body is wrong (a dotted path such as `attributions.0.quote`, or `body`) and how. */
export type BodyProblem = { field: string; message: string };

export const TOO_DEEP_MESSAGE = `nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`;

/** True when the JSON text opens more than `limit` arrays or objects inside each other. One pass, no parsing. */
export function nestsDeeperThan(text: string, limit: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/** A step of the walk: the value, and how it was reached (built into a path only when needed). */
type Step = { value: unknown; key: string | null; parent: Step | null };

function pathOf(step: Step): string {
  const keys: string[] = [];
  for (let at: Step | null = step; at?.key != null; at = at.parent) keys.push(at.key);
  return keys.reverse().join(".") || "body";
}

/** The path of the first string (or key) in a parsed JSON value that is not well-formed Unicode, or null. */
export function findIllFormedString(value: unknown): string | null {
  const pending: Step[] = [{ value, key: null, parent: null }];
  while (pending.length > 0) {
    const step = pending.pop()!;
    const current = step.value;
    if (typeof current === "string") {
      if (!current.isWellFormed()) return pathOf(step);
    } else if (Array.isArray(current)) {
      // Pushed last first, so items are reported in order.
      for (let index = current.length - 1; index >= 0; index--) pending.push({ value: current[index], key: String(index), parent: step });
    } else if (current && typeof current === "object") {
      const entries = Object.entries(current);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, item] = entries[index]!;
        if (!key.isWellFormed()) return pathOf({ value: key, key, parent: step });
        pending.push({ value: item, key, parent: step });
      }
    }
  }
  return null;
}

/** Parse a request body's text as JSON and check it; the problem is answered 400. */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false; problem: BodyProblem } {
  if (nestsDeeperThan(text)) return { ok: false, problem: { field: "body", message: TOO_DEEP_MESSAGE } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: { field: "body", message: "must be JSON" } };
  }
  const illFormed = findIllFormedString(value);
  if (illFormed) return { ok: false, problem: { field: illFormed, message: WELL_FORMED_MESSAGE } };
  return { ok: true, value };
}
