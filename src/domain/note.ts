import { z } from 'zod';
import { RecordBase } from './record';

/** A note the user wrote on a contact's timeline. */
export const ContactNote = RecordBase.extend({
  contactId: z.uuid(),
  text: z
    .string()
    .trim()
    .min(1, 'a note cannot be empty')
    .max(5000, 'a note can be at most 5,000 characters'),
});
export type ContactNote = z.infer<typeof ContactNote>;
