import type { CountryCode } from 'libphonenumber-js/min';
import { SURE_CONFIDENCE } from '../adapters/detect';
import { saveCapturedContact } from '../db/contacts';
import type { TallyDatabase } from '../db/database';
import { siteMode } from '../db/site-settings';
import { t } from '../domain/i18n';
import type { PageContextStore } from './page-context';
import type { Handlers } from './router';
import type { ResponseOf } from './protocol';

export interface CaptureDeps {
  db: () => TallyDatabase;
  store: PageContextStore;
  defaultCountry: () => CountryCode;
}

/**
 * Captures the contact `tabId` shows, as its content script reported it. Only a sure detection
 * is captured without the user: a guess, a broken page or hand-picked fields need the sidebar.
 */
export async function captureInTab(deps: CaptureDeps, tabId: number): Promise<ResponseOf<'page.capture'>> {
  const context = await deps.store.get(tabId);
  if (!context) throw new Error(t('messaging_page_not_read_yet'));
  if ((await siteMode(deps.db(), new URL(context.url).origin)) !== 'on') {
    throw new Error(t('messaging_capture_off'));
  }
  const { detection } = context;
  if (detection.status !== 'found' || detection.confidence < SURE_CONFIDENCE) return { outcome: 'confirm' };
  const saved = await saveCapturedContact(deps.db(), detection.snapshot, deps.defaultCountry());
  return { outcome: saved.outcome, name: saved.contact.name };
}

export function captureHandlers(deps: CaptureDeps): Pick<Handlers, 'page.capture'> {
  return { 'page.capture': async (_request, sender) => captureInTab(deps, sender.tabId) };
}
