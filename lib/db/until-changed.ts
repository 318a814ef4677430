/**
 * How many results a reader keeps until the database changes (SqlReader.allUntilChanged),
 * at most: the least recently used goes first. Most are whole-database counts, a few dozen;
 * a relevance-ranked search keeps its first ids there too (lib/claims/search/search-claims.ts),
 * one entry per search a reader makes, so without a bound a day without writes would keep
 * every search of the day. 256 entries of at most 1,000 ids each stay under about 10 MB.
 */
export const RESULTS_KEPT_UNTIL_CHANGED = 256;
