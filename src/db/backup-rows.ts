import { z } from 'zod';
import { parseRecipe } from '../adapters/taught';
import { AttachmentMeta } from '../domain/attachment';
import { BuyBack } from '../domain/buyback';
import { Contact } from '../domain/contact';
import { ContactEvent } from '../domain/contact-event';
import { ContactImportBatch } from '../domain/contact-import-batch';
import { ContactMerge } from '../domain/contact-merge';
import { Instant } from '../domain/dates';
import { DoNotBuyEntry } from '../domain/do-not-buy';
import { errorMessage } from '../domain/errors';
import { t } from '../domain/i18n';
import { InventoryItem } from '../domain/inventory';
import { ContactNote } from '../domain/note';
import { Product } from '../domain/product';
import { PurchaseRecord } from '../domain/purchase';
import { PurchaseGroup } from '../domain/purchase-group';
import { PurchaseOrder } from '../domain/purchase-order';
import { SETTINGS, type SettingKey } from '../domain/settings';
import { StoreCreditEntry } from '../domain/store-credit';

/** What is wrong with a restored row: the field (a dotted path, '' for the row) and why. */
export interface RowProblem {
  field: string;
  message: string;
}

type RowCheck = (row: Record<string, unknown>) => RowProblem | null;

function fromSchema(schema: z.ZodType): RowCheck {
  return (row) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return null;
    const issue = parsed.error.issues[0];
    return {
      field: issue?.path.map(String).join('.') ?? '',
      message: issue?.message ?? t('backup_problem_invalid'),
    };
  };
}

const setting: RowCheck = (row) => {
  const key = row.key;
  if (typeof key !== 'string' || key === '')
    return { field: 'key', message: t('backup_problem_setting_name') };
  // A setting this Tally does not know (from a later one) is kept as it is; a known one must hold a value it accepts.
  // Own keys only: 'toString' or 'constructor' is in every object, and is no setting.
  if (!Object.hasOwn(SETTINGS, key)) return null;
  const problem = fromSchema(SETTINGS[key as SettingKey].schema)(row.value as Record<string, unknown>);
  return problem && { field: ['value', problem.field].filter(Boolean).join('.'), message: problem.message };
};

const recipe: RowCheck = (row) => {
  try {
    parseRecipe(row);
    return null;
  } catch (failure) {
    return { field: '', message: errorMessage(failure) };
  }
};

const siteSetting = z.object({
  origin: z.string().regex(/^https?:\/\/[^/\s]+$/, 'expected scheme://host'),
  mode: z.enum(['never-capture', 'off']),
  updatedAt: Instant,
});

const attachment = AttachmentMeta.extend({ blob: z.instanceof(Blob) });

/**
 * Each table's row schema: the domain's zod schema where the table has one (a restored row is as
 * trusted as one the screens wrote), the recipe parser for taught recipes (their selectors run on
 * back-office pages). The reconcile tables are Tally's working state and are only checked for an
 * object with its key (restoreRowProblem does that for every table).
 */
const ROW_CHECKS: Readonly<Record<string, RowCheck>> = {
  contacts: fromSchema(Contact),
  products: fromSchema(Product),
  purchases: fromSchema(PurchaseRecord),
  contactEvents: fromSchema(ContactEvent),
  recipes: recipe,
  siteSettings: fromSchema(siteSetting),
  purchaseGroups: fromSchema(PurchaseGroup),
  notes: fromSchema(ContactNote),
  settings: setting,
  buyBacks: fromSchema(BuyBack),
  attachments: fromSchema(attachment),
  inventoryItems: fromSchema(InventoryItem),
  storeCredit: fromSchema(StoreCreditEntry),
  doNotBuy: fromSchema(DoNotBuyEntry),
  contactImports: fromSchema(ContactImportBatch),
  contactMerges: fromSchema(ContactMerge),
  purchaseOrders: fromSchema(PurchaseOrder),
};

/** A value IndexedDB takes as a key, as Tally's keys are: text or a finite number. */
const KeyPart = z.union([z.string().min(1), z.number().refine(Number.isFinite)]);

/** What is wrong with a restored row's key: an object holding every part of its primary key. */
export function restoreKeyProblem(primaryKey: string | readonly string[], row: unknown): RowProblem | null {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    return { field: '', message: t('backup_problem_not_object') };
  }
  const record = row as Record<string, unknown>;
  for (const field of typeof primaryKey === 'string' ? [primaryKey] : primaryKey) {
    if (!KeyPart.safeParse(record[field]).success) return { field, message: t('backup_problem_no_key') };
  }
  return null;
}

/** What is wrong with a row restored into `table`, or null when it may be written. */
export function restoreRowProblem(
  table: string,
  primaryKey: string | readonly string[],
  row: unknown,
): RowProblem | null {
  const keyProblem = restoreKeyProblem(primaryKey, row);
  if (keyProblem) return keyProblem;
  return Object.hasOwn(ROW_CHECKS, table) ? ROW_CHECKS[table]!(row as Record<string, unknown>) : null;
}
