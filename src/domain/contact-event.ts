import { z } from 'zod';
import { Instant } from './dates';
import { messageTable } from './message-table';

/** How each field reads to a person, in a history line, a dry run or a recipe. */
export const CONTACT_FIELD_NAMES = messageTable<FieldChange['field']>({
  name: 'domain_field_name',
  email: 'domain_field_email',
  phone: 'domain_field_phone',
  company: 'domain_field_company',
  externalId: 'domain_field_external_id',
  role: 'domain_field_role',
  address: 'domain_field_address',
  tags: 'domain_field_tags',
  notes: 'domain_field_notes',
});

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
