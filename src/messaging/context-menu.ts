import { browser } from 'wxt/browser';
import type { PageFields } from '../adapters/adapter';
import { cleanText, SNAPSHOT_LIMITS, type SnapshotField } from '../domain/contact-snapshot';
import { addToDraft, type PageContextStore } from './page-context';
import { sendToTab } from './tab-effects';

/** "Capture as contact" on selected text: the user says which field the selection fills. */
const PARENT = 'capture-as-contact';
const FIELDS: readonly [SnapshotField, string][] = [
  ['name', 'Name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['company', 'Company'],
  ['externalId', 'Customer #'],
];

export function createCaptureMenu(): void {
  browser.contextMenus.create({ id: PARENT, title: 'Capture as contact', contexts: ['selection'] });
  for (const [field, title] of FIELDS) {
    browser.contextMenus.create({
      id: `${PARENT}:${field}`,
      parentId: PARENT,
      title,
      contexts: ['selection'],
    });
  }
}

/** The field a menu item fills, or undefined for items that are not Tally's capture menu. */
export function menuField(menuItemId: string | number): SnapshotField | undefined {
  return FIELDS.find(([field]) => menuItemId === `${PARENT}:${field}`)?.[0];
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
