import { z } from 'zod';
import { t } from './i18n';
import { messageTable } from './message-table';
import { message } from './zod-message';

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

export const RECEIPT_FIELD_LABELS = messageTable<ReceiptOptionalField>({
  sellerId: 'domain_receipt_seller_id',
  dateOfBirth: 'domain_receipt_date_of_birth',
  serials: 'domain_receipt_serials',
  condition: 'domain_receipt_condition',
  reference: 'domain_receipt_reference',
  message: 'domain_receipt_message',
});

/** The shop's receipt: its details, its terms, and which optional parts it prints. */
export const ReceiptTemplate = z.object({
  shopName: z
    .string()
    .trim()
    .min(1, message('domain_receipt_needs_shop_name'))
    .max(120, message('domain_at_most_characters', 120)),
  address: z.string().max(500, message('domain_at_most_characters', 500)),
  /** A PNG or JPEG as a data URL, or absent. */
  logo: z
    .string()
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, message('domain_receipt_logo_type'))
    .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 32, message('domain_receipt_logo_size'))
    .optional(),
  terms: z.string().max(3000, message('domain_at_most_characters', 3000)),
  show: z.object(
    Object.fromEntries(RECEIPT_OPTIONAL_FIELDS.map((field) => [field, z.boolean()])) as Record<
      ReceiptOptionalField,
      z.ZodBoolean
    >,
  ),
});
export type ReceiptTemplate = z.infer<typeof ReceiptTemplate>;

/** The receipt of a shop that has not made its own: its words in the user's language, read on use. */
export const DEFAULT_RECEIPT_TEMPLATE: ReceiptTemplate = {
  get shopName() {
    return t('domain_receipt_default_shop_name');
  },
  address: '',
  get terms() {
    return t('domain_receipt_default_terms');
  },
  show: {
    sellerId: true,
    dateOfBirth: false,
    serials: true,
    condition: true,
    reference: true,
    message: true,
  },
};
