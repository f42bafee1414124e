import { nowInstant } from '../domain/dates';
import { t } from '../domain/i18n';
import { ContactNote } from '../domain/note';
import type { TallyDatabase } from './database';

/** Adds a note to a contact's timeline; throws the schema's message for an empty or huge note. */
export async function addNote(db: TallyDatabase, contactId: string, text: string): Promise<ContactNote> {
  const now = nowInstant();
  const note = ContactNote.parse({
    id: crypto.randomUUID(),
    contactId,
    text,
    createdAt: now,
    updatedAt: now,
  });
  await db.notes.add(note);
  return note;
}

/** Soft delete, undone by `restoreNote`. */
export async function deleteNote(db: TallyDatabase, id: string): Promise<void> {
  const now = nowInstant();
  if ((await db.notes.update(id, { deletedAt: now, updatedAt: now })) === 0) {
    throw new Error(t('db_note_gone'));
  }
}

export async function restoreNote(db: TallyDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    const existing = await db.notes.get(id);
    if (!existing) throw new Error(t('db_note_gone'));
    const { deletedAt: _deleted, ...restored } = existing;
    await db.notes.put({ ...restored, updatedAt: nowInstant() });
  });
}

/** A contact's notes, deleted ones included (the timeline leaves those out). */
export async function listContactNotes(db: TallyDatabase, contactId: string): Promise<ContactNote[]> {
  return db.notes.where('contactId').equals(contactId).toArray();
}
