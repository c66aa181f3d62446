// ts_headline marks matches with two control characters no article can usefully hold; the API
// sends the snippet as pieces, so the browser highlights them without ever parsing HTML.

export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** "a \u0002b\u0003 c" → [{a, false}, {b, true}, {c, false}]; empty pieces are dropped. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of marked.split(MATCH_START).entries()) {
    const [hit, rest] = i === 0 ? [undefined, piece] : splitOnce(piece, MATCH_END);
    if (hit) parts.push({ text: hit, match: true });
    if (rest) parts.push({ text: rest.replaceAll(MATCH_END, ''), match: false });
  }
  return merge(parts);
}

function splitOnce(piece: string, separator: string): [string, string] {
  const at = piece.indexOf(separator);
  return at === -1 ? [piece, ''] : [piece.slice(0, at), piece.slice(at + separator.length)];
}

// Adjacent pieces of the same kind read as one (two matched words with nothing between them).
function merge(parts: SnippetPart[]): SnippetPart[] {
  const merged: SnippetPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && last.match === part.match) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
