import type { NoteView } from './note.dto';
import type { Note } from './note.entity';

export type UserNames = ReadonlyMap<string, string>;

/** Needs `author` populated and the names of the users in `sharedWith`. */
export function noteView(note: Note, names: UserNames): NoteView {
  return {
    id: note.id,
    body: note.body,
    record: { type: note.recordType, id: note.recordId },
    author: { id: note.author.id, name: note.author.name },
    visibility: note.visibility,
    sharedWith: note.sharedWith.map((id) => ({ id, name: names.get(id) ?? '' })),
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    version: note.version,
  };
}
