import { browser } from 'wxt/browser';
import type { PageFields } from '../adapters/adapter';
import { cleanText, SNAPSHOT_LIMITS, type SnapshotField } from '../domain/contact-snapshot';
import { t } from '../domain/i18n';
import { addToDraft, type PageContextStore } from './page-context';
import { sendToTab } from './tab-effects';

/** "Capture as contact" on selected text: the user says which field the selection fills. */
const PARENT = 'capture-as-contact';
const FIELDS: readonly SnapshotField[] = ['name', 'email', 'phone', 'company', 'externalId'];

/** The menu item's title for a field, in the browser's language. */
function fieldTitle(field: SnapshotField): string {
  switch (field) {
    case 'name':
      return t('messaging_menu_name');
    case 'email':
      return t('messaging_menu_email');
    case 'phone':
      return t('messaging_menu_phone');
    case 'company':
      return t('messaging_menu_company');
    case 'externalId':
      return t('messaging_menu_external_id');
  }
}

export function createCaptureMenu(): void {
  browser.contextMenus.create({ id: PARENT, title: t('messaging_menu_capture'), contexts: ['selection'] });
  for (const field of FIELDS) {
    browser.contextMenus.create({
      id: `${PARENT}:${field}`,
      parentId: PARENT,
      title: fieldTitle(field),
      contexts: ['selection'],
    });
  }
}

/** The field a menu item fills, or undefined for items that are not Tally's capture menu. */
export function menuField(menuItemId: string | number): SnapshotField | undefined {
  return FIELDS.find((field) => menuItemId === `${PARENT}:${field}`);
}

/**
 * Puts the selection into the tab's contact draft and opens the sidebar there, where the user
 * completes and confirms the contact: selected text is never captured on its own.
 */
export async function captureSelection(
  store: PageContextStore,
  field: SnapshotField,
  selection: string,
  tab: { id: number; url: string },
): Promise<void> {
  const text = cleanText(selection, SNAPSHOT_LIMITS[field]);
  if (text === undefined) return;
  const fields: PageFields = { [field]: text };
  await addToDraft(store, tab.id, tab.url, fields);
  await sendToTab(tab.id, { type: 'tab.openSidebar' });
}
