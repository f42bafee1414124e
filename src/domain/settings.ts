import { z } from 'zod';
import { BackupSchedule, DEFAULT_BACKUP_SCHEDULE } from './backup-schedule';
import { EmbedOrigins } from './embed-message';
import { SELLER_ID_FIELDS, STORE_CREDIT } from './buyback';
import { ExportPresets, type ExportPreset } from './export-preset';
import { t } from './i18n';
import { ReceiptTemplate, DEFAULT_RECEIPT_TEMPLATE } from './receipt-template';
import { DEFAULT_RECONCILE_OPTIONS } from './reconcile';
import { message, pluralMessage } from './zod-message';

/** The user's settings, each stored under its own key; a missing key means the default. */
export const SETTINGS = {
  /** A sample counts as converted when the same contact buys the product within this many days. */
  sampleConversionDays: {
    schema: z
      .number()
      .int()
      .min(1, pluralMessage('domain_at_least_days', 1))
      .max(365, pluralMessage('domain_at_most_days', 365)),
    default: 30,
  },
  /** Reorders due within this many days are listed as due (overdue ones always are). */
  reorderLookaheadDays: {
    schema: z
      .number()
      .int()
      .min(0, pluralMessage('domain_at_least_days', 0))
      .max(90, pluralMessage('domain_at_most_days', 90)),
    default: 7,
  },
  /** Which of the seller's identification fields a buy-back must have before it is paid out. */
  requiredSellerId: {
    schema: z.array(z.enum(SELLER_ID_FIELDS as ['idType', 'idNumber', 'idExpiry', 'dateOfBirth'])),
    default: [] as ('idType' | 'idNumber' | 'idExpiry' | 'dateOfBirth')[],
  },
  /** How the shop pays sellers; "Store credit" becomes a balance on the contact. */
  paymentMethods: {
    schema: z
      .array(
        z
          .string()
          .trim()
          .min(1, message('domain_payment_method_needs_name'))
          .max(60, message('domain_at_most_characters', 60)),
      )
      .min(1, message('domain_keep_one_payment_method'))
      .max(20, message('domain_too_many_payment_methods', 20))
      .refine(
        (methods) => new Set(methods.map((method) => method.toLowerCase())).size === methods.length,
        message('domain_payment_method_once'),
      ),
    /** Named in the UI language until the shop saves its own list; store credit keeps its fixed name. */
    get default(): string[] {
      return [
        t('buyback_method_cash'),
        t('buyback_method_card'),
        t('buyback_method_bank_transfer'),
        t('buyback_method_cheque'),
        STORE_CREDIT,
      ];
    },
  },
  /** Days a bought item is held before it may be sold (0: no hold). */
  holdDays: {
    schema: z
      .number()
      .int()
      .min(0, pluralMessage('domain_at_least_days', 0))
      .max(365, pluralMessage('domain_at_most_days', 365)),
    default: 0,
  },
  /**
   * Pairs of contacts the user said are not duplicates (pairKey of their ids, in duplicates.ts):
   * the Duplicates list leaves them out for good.
   */
  dismissedDuplicates: {
    schema: z.array(z.string().regex(/^\S+ \S+$/)).max(100_000),
    default: [] as string[],
  },
  /** What the purchase receipt shows. */
  receiptTemplate: {
    schema: ReceiptTemplate,
    default: DEFAULT_RECEIPT_TEMPLATE,
  },
  /** How loosely a back-office export matches recorded orders when reconciling. */
  reconcileOptions: {
    schema: z.object({
      dateWindowDays: z
        .number()
        .int()
        .min(0, pluralMessage('domain_at_least_days', 0))
        .max(30, pluralMessage('domain_at_most_days', 30)),
      priceTolerance: z
        .number()
        .min(0, message('domain_at_least_percent', 0))
        .max(0.5, message('domain_at_most_percent', 50)),
    }),
    default: DEFAULT_RECONCILE_OPTIONS,
  },
  /** How often to remind the user to `Back up`, and when the last backup was made. */
  backupSchedule: {
    schema: BackupSchedule,
    default: DEFAULT_BACKUP_SCHEDULE,
  },
  /**
   * Back offices (origins) allowed to embed the web app's sidebar and tell it the customer on
   * screen (src/ui/platform/embedded-page.ts); allowed only from Tally's own dashboard.
   */
  embedOrigins: {
    schema: EmbedOrigins,
    default: [] as string[],
  },
  /** The user's column presets for `Export purchases` (Tally's default is built in, not stored). */
  exportPresets: {
    schema: ExportPresets,
    default: [] as ExportPreset[],
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

/** How a setting is stored: its key and a value its schema accepts. */
export interface StoredSetting {
  key: string;
  value: unknown;
}
