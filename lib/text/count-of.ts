/** "1 claim", "2 claims", "1,204 claims": a count with its noun, in the plural when it is not one. */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? noun : plural}`;
}
