/**
 * How long a connection waits for a lock before SQLITE_BUSY. Writers queue behind each
 * other for at most this long instead of failing, which is what keeps SQLITE_BUSY from
 * reaching a user under concurrent edits.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * The long-lived reader's memory map: as much of the file as SQLite allows (its built-in
 * ceiling, SQLITE_MAX_MMAP_SIZE, is 0x7fff0000 bytes, just under 2 GiB; a larger value is
 * cut down to it). Address space, not memory: mapped pages are the kernel's file cache,
 * shared by every process that maps them. Pages past the map are copied into the page
 * cache below, which a facet count over a large filter fills and empties, so at a million
 * claims (4.9 GB) a map of 1 GiB left the next request's pages out: `actor=…` after its
 * facets 74 → 50 ms through HTTP with 2 GiB (docs/performance.md, ninth round).
 */
export const READER_MMAP_BYTES = 0x7fff0000;

/** The long-lived reader's page cache, in KiB (a negative cache_size): 64 MiB of process memory per reader. */
export const READER_CACHE_KIB = 65_536;
