/**
 * The largest file /import accepts. next.config.ts must let Server Action bodies this big
 * through (experimental.serverActions.bodySizeLimit, with room for the multipart framing).
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_LABEL = "20 MB";

/**
 * How far above the highest claim id a file may number a new claim. Ids from a file are
 * kept (so a re-import of an export finds its claims again), but the database numbers every
 * later claim after the highest id ever used: a typo'd long number (or 2^53 − 1) would move
 * that counter beyond the integers JavaScript represents exactly and break every later
 * claim creation. Within this margin the ids stay small and exact for any real database.
 */
export const CLAIM_ID_MARGIN = 100_000;

/** The highest id an Int column holds on both databases (PostgreSQL's INTEGER; SQLite's is 64-bit). */
export const MAX_STORED_ID = 2_147_483_647;
