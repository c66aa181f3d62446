import { ENTITY_FIELDS } from '@baton/contracts';
import { BatonError } from '@baton/domain';

// Ids, owners and timestamps mean nothing to the person reading the mail.
const HIDDEN = new Set(['ownerId', 'createdAt', 'updatedAt']);
const visible = (fields: Record<string, unknown>) => Object.keys(fields).filter((f) => !HIDDEN.has(f));

/**
 * What `{{…}}` may name in a campaign: the recipient contact's fields (as workflow conditions see
 * them, plus the first and last word of the name), their account's, their owner's name and email,
 * and the campaign's name.
 */
export const MERGE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  contact: [...visible(ENTITY_FIELDS.contact), 'firstName', 'lastName'],
  account: visible(ENTITY_FIELDS.account),
  owner: ['name', 'email'],
  campaign: ['name'],
};

export type MergeData = Record<string, Record<string, string | null> | null>;

/** Where in a template: a 0-based offset and the 1-based line and column people count in. */
export interface TemplatePosition {
  offset: number;
  line: number;
  column: number;
}

export interface TemplateProblem {
  template: 'subject' | 'body';
  field: string;
  position: TemplatePosition;
  message: string;
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PATH = /^\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*$/;

function positionAt(text: string, offset: number): TemplatePosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - before.lastIndexOf('\n') };
}

function known(path: string): boolean {
  const match = PATH.exec(path);
  if (!match) return false;
  const fields = Object.hasOwn(MERGE_FIELDS, match[1]!) ? MERGE_FIELDS[match[1]!] : undefined;
  return fields?.includes(match[2]!) ?? false;
}

/** Every placeholder in `text` that names no merge field, and every `{{` never closed. */
export function templateProblems(template: TemplateProblem['template'], text: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const field = match[1]!.trim();
    if (known(field)) continue;
    const position = positionAt(text, match.index);
    problems.push({
      template,
      field,
      position,
      message: `Unknown merge field "{{${field}}}" in the ${template} at line ${position.line}, column ${position.column}`,
    });
  }
  const unclosed = text.replace(PLACEHOLDER, (m) => ' '.repeat(m.length)).indexOf('{{');
  if (unclosed >= 0) {
    const position = positionAt(text, unclosed);
    problems.push({
      template,
      field: '',
      position,
      message: `"{{" without "}}" in the ${template} at line ${position.line}, column ${position.column}`,
    });
  }
  return problems.sort((a, b) => a.position.offset - b.position.offset);
}

/**
 * Refuses a subject or body naming a field no recipient has, with the first problem's field and
 * position and all of them in `details.problems`, so an editor can mark each one.
 */
export function assertTemplates(templates: { subject?: string; body?: string }): void {
  const problems = [
    ...(templates.subject === undefined ? [] : templateProblems('subject', templates.subject)),
    ...(templates.body === undefined ? [] : templateProblems('body', templates.body)),
  ];
  const [first] = problems;
  if (!first) return;
  throw new BatonError('TEMPLATE_FIELD_UNKNOWN', first.message, {
    template: first.template,
    field: first.field,
    position: first.position,
    problems,
  });
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Fills in placeholders; a missing value renders empty. `html`: values are escaped for HTML. */
export function renderTemplate(text: string, data: MergeData, { html = false } = {}): string {
  return text.replace(PLACEHOLDER, (_m, raw: string) => {
    const match = PATH.exec(raw);
    if (!match) return '';
    const record = Object.hasOwn(data, match[1]!) ? data[match[1]!] : null;
    const value = record && Object.hasOwn(record, match[2]!) ? record[match[2]!] : null;
    if (value === null || value === undefined) return '';
    return html ? escapeHtml(value) : value;
  });
}
