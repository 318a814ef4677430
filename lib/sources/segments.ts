/**
 * Split a text into runs so that overlapping highlighted spans can be rendered as nested
 * marks: each run carries the ids of every span covering it. Spans that fall outside the
 * text are ignored (the caller reports them as unanchored).
 */
export type Span<Id> = { id: Id; start: number; end: number };
export type Segment<Id> = { start: number; end: number; text: string; spanIds: Id[] };

export function segmentText<Id>(text: string, spans: readonly Span<Id>[]): Segment<Id>[] {
  const valid = spans.filter((span) => span.start >= 0 && span.end <= text.length && span.start < span.end);
  const cuts = new Set<number>([0, text.length]);
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<Id>[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      spanIds: valid.filter((span) => span.start <= start && span.end >= end).map((span) => span.id),
    });
  }
  return segments;
}
