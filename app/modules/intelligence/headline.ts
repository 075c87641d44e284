/**
 * Search snippets come from PostgreSQL's ts_headline with these marks around matched words: control
 * characters, which stored text never contains (text.ts refuses them). The page splits on them and
 * renders <mark> elements, so user text is only ever a React text node, never HTML.
 */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

export interface HeadlinePart {
  text: string;
  mark: boolean;
}

/** Splits a headline into plain text and highlighted words. */
export function headlineParts(headline: string): HeadlinePart[] {
  const parts: HeadlinePart[] = [];
  for (const [i, piece] of headline.split(MARK_START).entries()) {
    if (i === 0) {
      if (piece) parts.push({ text: piece, mark: false });
      continue;
    }
    const end = piece.indexOf(MARK_END);
    const marked = end < 0 ? piece : piece.slice(0, end);
    const rest = end < 0 ? "" : piece.slice(end + 1).replaceAll(MARK_END, "");
    if (marked) parts.push({ text: marked, mark: true });
    if (rest) parts.push({ text: rest, mark: false });
  }
  return parts;
}
