import type { SnippetPart } from '../api/kb';
import './KbHighlighted.css';

/** Text a search matched, the matched words marked: built from pieces, never from HTML. */
export function KbHighlighted({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} className="kb-highlight">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
