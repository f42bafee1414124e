import { z } from 'zod';

/** The largest logo a receipt template keeps (it is stored with the settings, as a data URL). */
export const MAX_LOGO_BYTES = 256 * 1024;

/** The parts of a purchase receipt a shop may leave out. */
export const RECEIPT_OPTIONAL_FIELDS = [
  'sellerId',
  'dateOfBirth',
  'serials',
  'condition',
  'reference',
  'message',
] as const;
export type ReceiptOptionalField = (typeof RECEIPT_OPTIONAL_FIELDS)[number];

export const RECEIPT_FIELD_LABELS: Record<ReceiptOptionalField, string> = {
  sellerId: 'Seller identification',
  dateOfBirth: 'Date of birth',
  serials: 'Serial / IMEI',
  condition: 'Condition',
  reference: 'Payment reference',
  message: 'Message to the seller',
};

/** The shop's receipt: its details, its terms, and which optional parts it prints. */
export const ReceiptTemplate = z.object({
  shopName: z.string().trim().min(1, 'the receipt needs a shop name').max(120, 'at most 120 characters'),
  address: z.string().max(500, 'at most 500 characters'),
  /** A PNG or JPEG as a data URL, or absent. */
  logo: z
    .string()
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'the logo must be a PNG or JPEG image')
    .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 32, 'the logo can be at most 256 KB')
    .optional(),
  terms: z.string().max(3000, 'at most 3,000 characters'),
  show: z.object(
    Object.fromEntries(RECEIPT_OPTIONAL_FIELDS.map((field) => [field, z.boolean()])) as Record<
      ReceiptOptionalField,
      z.ZodBoolean
    >,
  ),
});
export type ReceiptTemplate = z.infer<typeof ReceiptTemplate>;

export const DEFAULT_RECEIPT_TEMPLATE: ReceiptTemplate = {
  shopName: 'Your shop',
  address: '',
  terms:
    'The seller confirms that they own the items listed, that the items are not stolen or financed, ' +
    'and that they may sell them. The items become the property of the shop on payment.',
  show: {
    sellerId: true,
    dateOfBirth: false,
    serials: true,
    condition: true,
    reference: true,
    message: true,
  },
};
