import { z } from 'zod';
import { messageTable } from './message-table';
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

/** The longest text each contact field takes, for forms and imports to check before saving. */
export const CONTACT_TEXT_LIMITS = {
  name: 200,
  company: 200,
  phone: 50,
  addressLine: 200,
  tag: 50,
  tags: 50,
  notes: 5000,
} as const;

const addressLine = z.string().trim().min(1).max(CONTACT_TEXT_LIMITS.addressLine).optional();

/** A postal address; every part optional, as back offices and spreadsheets fill them unevenly. */
export const Address = z.object({
  line1: addressLine,
  line2: addressLine,
  city: addressLine,
  region: addressLine,
  postalCode: addressLine,
  country: addressLine,
});
export type Address = z.infer<typeof Address>;

export const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

export const ADDRESS_LABELS = messageTable<AddressField>({
  line1: 'domain_address_line1',
  line2: 'domain_address_line2',
  city: 'domain_address_city',
  region: 'domain_address_region',
  postalCode: 'domain_address_postal_code',
  country: 'domain_address_country',
});

export const Contact = RecordBase.extend({
  name: z.string().trim().min(1).max(CONTACT_TEXT_LIMITS.name),
  email: z.email().optional(),
  phone: z.string().max(CONTACT_TEXT_LIMITS.phone).optional(),
  company: z.string().max(CONTACT_TEXT_LIMITS.company).optional(),
  role: ContactRole,
  externalIds: z.array(ExternalId),
  /** Absent on contacts from before version 5, and when every part is empty. */
  address: Address.optional(),
  /** The user's labels ("wholesale", "VIP"); absent on contacts from before version 5. */
  tags: z
    .array(z.string().trim().min(1).max(CONTACT_TEXT_LIMITS.tag))
    .max(CONTACT_TEXT_LIMITS.tags)
    .optional(),
  /** What the user keeps about the contact (not the timeline's dated notes). */
  notes: z.string().max(CONTACT_TEXT_LIMITS.notes).optional(),
  /** Set, with deletedAt, on a contact merged into another: the survivor's id. */
  mergedInto: z.uuid().optional(),
  // Match keys derived from the fields above (see contact-keys.ts), kept for the indexes.
  externalKeys: z.array(z.string()),
  emailKey: z.string().optional(),
  phoneKey: z.string().optional(),
  nameKey: z.string(),
  /** The folded words of name and email (contactSearchWords); absent only before version 5 upgraded it. */
  searchWords: z.array(z.string()).optional(),
  lastCapturedAt: z.iso.datetime().optional(),
});
export type Contact = z.infer<typeof Contact>;
