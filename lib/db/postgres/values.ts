import pg from "pg";

/**
 * Column values from PostgreSQL made the ones SQLite gives (lib/db/reader.ts promises
 * callers the same JavaScript values on both databases):
 * - booleans as 1 and 0 (SQLite has no boolean type; Prisma stores 0 and 1 there);
 * - timestamps (Prisma's TIMESTAMP(3), UTC) as the text SQLite holds, "2024-10-15T09:30:00.000+00:00"
 *   (lib/db/timestamps.ts);
 * - count(*), sum() and other 64-bit integers as numbers (node-postgres gives strings, to
 *   keep values above 2^53 exact; no count here comes near that);
 * - numeric (avg()) as numbers.
 */
const OID = { bool: 16, int8: 20, numeric: 1700, timestamp: 1114, timestamptz: 1184 } as const;

export function storedTimestamp(text: string): string {
  // "2024-10-15 09:30:00.12" → "2024-10-15T09:30:00.120+00:00"; PostgreSQL drops trailing zeros of the fraction.
  const [date, time = "00:00:00"] = text.split(" ");
  const [seconds, fraction = ""] = time.split(".");
  return `${date}T${seconds}.${fraction.padEnd(3, "0").slice(0, 3)}+00:00`;
}

function storedTimestampFromZoned(text: string): string {
  return new Date(text).toISOString().replace("Z", "+00:00");
}

export const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    switch (oid) {
      case OID.bool:
        return (value: string) => (value === "t" ? 1 : 0);
      case OID.int8:
      case OID.numeric:
        return (value: string) => Number(value);
      case OID.timestamp:
        return storedTimestamp;
      case OID.timestamptz:
        return storedTimestampFromZoned;
      default:
        return pg.types.getTypeParser(oid, format as "text");
    }
  }) as pg.CustomTypesConfig["getTypeParser"],
};
