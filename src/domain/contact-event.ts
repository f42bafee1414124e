import { z } from 'zod';
import { Instant } from './dates';

/** One field a capture changed on a contact: what it was and what the page shows now. */
export const FieldChange = z.object({
  field: z.enum(['name', 'email', 'phone', 'company', 'externalId', 'role']),
  before: z.string().optional(),
  after: z.string().optional(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/** A capture in a contact's history: when, from which page, and what it changed. */
export const ContactEvent = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  at: Instant,
  kind: z.enum(['captured', 'updated']),
  changes: z.array(FieldChange),
  url: z.string().optional(),
});
export type ContactEvent = z.infer<typeof ContactEvent>;
