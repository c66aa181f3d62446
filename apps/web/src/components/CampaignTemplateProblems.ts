import type { TemplateProblem } from '../api/campaigns';

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

function positionAt(text: string, offset: number): TemplateProblem['position'] {
  const before = text.slice(0, offset);
  return { offset, line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * The merge fields of a subject or body that name nothing, as the API would report them, so the
 * editor can say so while one types. The API checks again on save.
 */
export function templateProblems(
  template: TemplateProblem['template'],
  text: string,
  fields: Readonly<Record<string, readonly string[]>>,
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const field = match[1]!.trim();
    const [record = '', name = '', extra] = field.split('.');
    if (extra === undefined && Object.hasOwn(fields, record) && fields[record]!.includes(name)) continue;
    const position = positionAt(text, match.index);
    problems.push({
      template,
      field,
      position,
      message: `Unknown merge field "{{${field}}}" at line ${position.line}, column ${position.column}`,
    });
  }
  const unclosed = text.replace(PLACEHOLDER, (m) => ' '.repeat(m.length)).indexOf('{{');
  if (unclosed >= 0) {
    const position = positionAt(text, unclosed);
    problems.push({
      template,
      field: '',
      position,
      message: `"{{" without "}}" at line ${position.line}, column ${position.column}`,
    });
  }
  return problems;
}
