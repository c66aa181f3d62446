import type { Note } from './note.entity';

/** The author always; named users only while the note is shared; nobody else, whatever their role. */
export function mayRead(note: Note, viewerId: string): boolean {
  if (note.author.id === viewerId) return true;
  return note.visibility === 'shared' && note.sharedWith.includes(viewerId);
}

/** The same rule in SQL, for lists and the timeline; `n` is the notes alias. Binds the viewer id twice. */
export function readableSql(alias: string): string {
  return `(${alias}.author_id = ? or (${alias}.visibility = 'shared' and ${alias}.shared_with @> jsonb_build_array(cast(? as text))))`;
}
