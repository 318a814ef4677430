/**
 * The verdict vocabulary every database starts with. Ratings follow schema.org
 * ClaimReview on a 1 (worst) to 5 (best) scale, aligned with PolitiFact's scale
 * (True 5, Mostly True 4, Half True 3, Mostly False 2, False 1); workflow states and
 * "unverifiable" carry no rating.
 */
export type StatusDefinition = {
  key: string;
  label: string;
  description: string;
  colour: string;
  isFinal: boolean;
  ratingValue: number | null;
};

export const DEFAULT_STATUSES: readonly StatusDefinition[] = [
  { key: "unreviewed", label: "Unreviewed", description: "Recorded, not yet looked at by a fact-checker.", colour: "#e5e7eb", isFinal: false, ratingValue: null },
  { key: "in_review", label: "In review", description: "A fact-checker is working on it.", colour: "#bfdbfe", isFinal: false, ratingValue: null },
  { key: "true", label: "True", description: "Accurate, with nothing significant missing.", colour: "#166534", isFinal: true, ratingValue: 5 },
  { key: "mostly_true", label: "Mostly true", description: "Accurate but needs clarification or additional information.", colour: "#bbf7d0", isFinal: true, ratingValue: 4 },
  { key: "mixed", label: "Mixed", description: "Partly accurate, partly not.", colour: "#fde68a", isFinal: true, ratingValue: 3 },
  { key: "misleading", label: "Misleading", description: "Contains accurate elements but gives a false impression.", colour: "#fed7aa", isFinal: true, ratingValue: 2 },
  { key: "mostly_false", label: "Mostly false", description: "Contains an element of truth but ignores critical facts.", colour: "#fecaca", isFinal: true, ratingValue: 2 },
  { key: "false", label: "False", description: "Not accurate.", colour: "#991b1b", isFinal: true, ratingValue: 1 },
  { key: "unverifiable", label: "Unverifiable", description: "Cannot be proved or disproved with the evidence available.", colour: "#e9d5ff", isFinal: true, ratingValue: null },
];

export const INITIAL_STATUS_KEY = "unreviewed";
