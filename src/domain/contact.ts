import { z } from 'zod';
import { RecordBase } from './record';

/** The id a contact has in one back office. */
export const ExternalId = z.object({
  /** What read it: a built-in adapter's id, "taught" or "generic". */
  backOffice: z.string().min(1),
  /**
   * The back office's origin: the same software at two companies numbers its customers
   * independently. Absent on ids captured before version 2.
   */
  origin: z.string().optional(),
  id: z.string().min(1),
});
export type ExternalId = z.infer<typeof ExternalId>;

export const ContactRole = z.enum(['customer', 'supplier', 'both']);
export type ContactRole = z.infer<typeof ContactRole>;

export const Contact = RecordBase.extend({
  name: z.string().trim().min(1).max(200),
  email: z.email().optional(),
  phone: z.string().max(50).optional(),
  company: z.string().max(200).optional(),
  role: ContactRole,
  externalIds: z.array(ExternalId),
  // Match keys derived from the fields above (see contact-keys.ts), kept for the indexes.
  externalKeys: z.array(z.string()),
  emailKey: z.string().optional(),
  phoneKey: z.string().optional(),
  nameKey: z.string(),
  lastCapturedAt: z.iso.datetime().optional(),
});
export type Contact = z.infer<typeof Contact>;
