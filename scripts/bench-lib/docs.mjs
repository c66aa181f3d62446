import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const START = '<!-- bench:latest:start -->';
export const END = '<!-- bench:latest:end -->';

/** `text` with what lies between the markers replaced by `content`; everything else untouched. */
export function replaceSection(text, content) {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end < start) throw new Error(`the markers ${START} … ${END} are missing`);
  return `${text.slice(0, start + START.length)}\n\n${content.trim()}\n\n${text.slice(end)}`;
}

/**
 * Writes `content` between the markers of the file at `path`; a file without them gets them at its
 * end under `heading` (a new file: `heading` alone).
 */
export function writeSection(path, content, heading) {
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (!text.includes(START) || !text.includes(END))
    text = `${text.trimEnd()}${text ? '\n\n' : ''}${heading}\n\n${START}\n${END}\n`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, replaceSection(text, content));
}
