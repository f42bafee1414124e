import { z } from 'zod';
import { Instant } from './dates';

/** How each field reads to a person, in a history line, a dry run or a recipe. */
export const CONTACT_FIELD_NAMES: Readonly<Record<FieldChange['field'], string>> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  company: 'company',
  externalId: 'back-office ID',
  role: 'role',
  address: 'address',
  tags: 'tags',
  notes: 'notes',
};

/** One field a capture changed on a contact: what it was and what the page shows now. */
export const FieldChange = z.object({
  field: z.enum(['name', 'email', 'phone', 'company', 'externalId', 'role', 'address', 'tags', 'notes']),
  before: z.string().optional(),
  after: z.string().optional(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/**
 * A change in a contact's history: a capture (from which page), an edit by hand, an import, a
 * merge (another contact folded into this one) or its undoing, with what it changed.
 */
export const ContactEvent = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  at: Instant,
  kind: z.enum(['captured', 'updated', 'created', 'edited', 'imported', 'merged', 'unmerged']),
  changes: z.array(FieldChange),
  url: z.string().optional(),
});
export type ContactEvent = z.infer<typeof ContactEvent>;
