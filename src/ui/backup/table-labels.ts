import type { TablePlan } from '../../db/backup-merge';
import { t } from '../../domain/i18n';

/**
 * The name a person knows a table's records by, or null for Tally's working data (history kept
 * for undo, reconciliation's jobs and results…), which the preview shows as one "Other Tally
 * data" line. Looked up when shown, in the user's language.
 */
export function tableLabel(name: string): string | null {
  switch (name) {
    case 'contacts':
      return t('backup_table_contacts');
    case 'contactEvents':
      return t('backup_table_contact_events');
    case 'notes':
      return t('backup_table_notes');
    case 'products':
      return t('backup_table_products');
    case 'purchases':
      return t('backup_table_purchases');
    case 'purchaseGroups':
      return t('backup_table_purchase_groups');
    case 'buyBacks':
      return t('backup_table_buy_backs');
    case 'attachments':
      return t('backup_table_attachments');
    case 'inventoryItems':
      return t('backup_table_inventory_items');
    case 'storeCredit':
      return t('backup_table_store_credit');
    case 'doNotBuy':
      return t('backup_table_do_not_buy');
    case 'purchaseOrders':
      return t('backup_table_purchase_orders');
    case 'recipes':
      return t('backup_table_recipes');
    case 'siteSettings':
      return t('backup_table_site_settings');
    case 'settings':
      return t('backup_table_settings');
    default:
      return null;
  }
}

/** A line of the preview: one named table, or Tally's working tables added up. */
export type PreviewLine = Omit<TablePlan, 'name' | 'lookAlike'> & { key: string; label: string };

/**
 * The preview's lines: each table people know by name, then one line adding up the others.
 * Tables with no rows in the file are left out.
 */
export function previewLines(tables: readonly TablePlan[]): PreviewLine[] {
  const lines: PreviewLine[] = [];
  let other: PreviewLine | null = null;
  for (const { name, lookAlike: _lookAlike, ...counts } of tables) {
    if (counts.rows === 0) continue;
    const label = tableLabel(name);
    if (label !== null) {
      lines.push({ key: name, label, ...counts });
      continue;
    }
    other ??= {
      key: 'other',
      label: t('backup_table_other'),
      rows: 0,
      added: 0,
      identical: 0,
      newerHere: 0,
      newerInFile: 0,
      heldElsewhere: 0,
      notRestored: 0,
    };
    other.rows += counts.rows;
    other.added += counts.added;
    other.identical += counts.identical;
    other.newerHere += counts.newerHere;
    other.newerInFile += counts.newerInFile;
    other.heldElsewhere += counts.heldElsewhere;
    other.notRestored += counts.notRestored;
  }
  return other ? [...lines, other] : lines;
}
