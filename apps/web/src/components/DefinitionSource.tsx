import { useId } from 'react';
import type { ImportProblem } from '../lib/importProblems';
import './DefinitionImport.css';

/** A definition file to pick, or its JSON pasted; the file's text lands in the box to look at. */
export function DefinitionSource({ text, onText }: { text: string; onText: (text: string) => void }) {
  const fileId = useId();
  const textId = useId();
  return (
    <div className="definition-import__source">
      <label className="field" htmlFor={fileId}>
        <span className="field__label">Definition file (.json)</span>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          data-testid="definition-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then(onText);
          }}
        />
      </label>
      <label className="field" htmlFor={textId}>
        <span className="field__label">…or paste its JSON</span>
        <textarea
          id={textId}
          className="field__input definition-import__text"
          rows={8}
          spellCheck={false}
          value={text}
          onChange={(e) => onText(e.target.value)}
          data-testid="definition-text"
        />
      </label>
    </div>
  );
}

/** What is wrong with an import, each problem with its code. */
export function ImportProblems({ title, problems }: { title: string; problems: readonly ImportProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="definition-import__problems" role="alert" data-testid="import-problems">
      <p className="definition-import__problems-title">{title}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i} data-code={p.code}>
            <code>{p.code}</code> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
