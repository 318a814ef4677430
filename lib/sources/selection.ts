/**
 * A browser selection inside the article container as offsets into the stored text. The
 * container's text nodes, in order, are exactly the stored text, so the length of the
 * text before a boundary is its offset. Leading and trailing whitespace is left out of
 * the quote.
 */
export function selectionOffsets(container: HTMLElement, text: string): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  if (container.textContent !== text) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  let start = before.toString().length;
  before.setEnd(range.endContainer, range.endOffset);
  let end = before.toString().length;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}
