import { z } from 'zod';
import { Contact } from './contact';
import { Instant } from './dates';

/** The tables whose rows belong to a contact, and so move to the survivor in a merge. */
export const CONTACT_OWNED_TABLES = [
  'purchases',
  'purchaseGroups',
  'notes',
  'contactEvents',
  'buyBacks',
  'storeCredit',
  'purchaseOrders',
] as const;
export type ContactOwnedTable = (typeof CONTACT_OWNED_TABLES)[number];

/**
 * A merge of one contact into another, kept so it can be undone: both contacts as they were
 * before, and the ids of the rows that moved from the merged contact to the survivor.
 */
export const ContactMerge = z.object({
  id: z.uuid(),
  createdAt: Instant,
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  survivorBefore: Contact,
  mergedBefore: Contact,
  moved: z.partialRecord(z.enum(CONTACT_OWNED_TABLES), z.array(z.string())),
  undoneAt: Instant.optional(),
});
export type ContactMerge = z.infer<typeof ContactMerge>;
