import { z } from 'zod';
import { RecordBase } from './record';
import { message } from './zod-message';

/** A note the user wrote on a contact's timeline. */
export const ContactNote = RecordBase.extend({
  contactId: z.uuid(),
  text: z
    .string()
    .trim()
    .min(1, message('domain_note_empty'))
    .max(5000, message('domain_note_too_long', 5000)),
});
export type ContactNote = z.infer<typeof ContactNote>;
