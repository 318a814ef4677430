/*
 * Numbers and dates for people. `toLocaleString` builds a new Intl formatter on every call,
 * which costs tens of microseconds: a page of claims with its facet counts and dates made
 * hundreds of them, about 4 ms of server time per page (profiled under `npm run load`). One
 * formatter of each kind, made once, formats the same text.
 */
const COUNT = new Intl.NumberFormat("en-GB");

/** 1,204: a whole number with thousands separators. */
export function formatCount(count: number): string {
  return COUNT.format(count);
}

// UTC, so the server and the browser render the same text.
const DAY = { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" } as const;
const DATE = new Intl.DateTimeFormat("en-GB", DAY);
const DATE_AND_TIME = new Intl.DateTimeFormat("en-GB", { ...DAY, hour: "2-digit", minute: "2-digit" });

/** "4 Jan 2021", or with the time "4 Jan 2021, 16:54" (UTC). */
export function formatDate(date: Date, withTime = false): string {
  return (withTime ? DATE_AND_TIME : DATE).format(date);
}
