import { formatCount } from "@/lib/text/format";

/** "1 claim", "2 claims", "1,204 claims": a count with its noun, in the plural when it is not one. */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`;
}
