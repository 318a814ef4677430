/** What `?include=` may add to each claim of claims.json and claims.ndjson: its notes and its verdict and accuracy history. */
export const EXPORT_INCLUDES = ["notes", "history"] as const;
export type ExportInclude = (typeof EXPORT_INCLUDES)[number];
