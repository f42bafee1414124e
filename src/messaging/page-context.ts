import { browser } from 'wxt/browser';
import type { PageFields } from '../adapters/adapter';
import type { Handlers } from './router';
import { PageContextSchema, type PageContext } from './protocol';
import { targetTab } from './sender';

/**
 * What each tab shows. Kept in session storage, not in the worker's memory: the worker can be
 * stopped at any moment, and the sidebar must still know its page afterwards. Session storage
 * is closed to content scripts (trusted contexts only, Chrome's default).
 */
export interface PageContextStore {
  get(tabId: number): Promise<PageContext | null>;
  set(tabId: number, context: PageContext | null): Promise<void>;
}

export function pageContextKey(tabId: number): string {
  return `pageContext:${tabId}`;
}

export function pageContextHandlers(
  store: PageContextStore,
): Pick<Handlers, 'page.contactDetected' | 'page.getContext'> {
  return {
    'page.contactDetected': async ({ detection }, sender) => {
      const known = await store.get(sender.tabId);
      // Fields picked by hand belong to the page they were picked on.
      const draft = known?.url === sender.url ? known.draft : {};
      await store.set(sender.tabId, { url: sender.url, detection, draft });
      return {};
    },
    'page.getContext': async (request, sender) => {
      const tabId = targetTab(request, sender);
      return { tabId, context: await store.get(tabId) };
    },
  };
}

/** Adds a field the user picked on the page (context menu) to the tab's contact draft. */
export async function addToDraft(
  store: PageContextStore,
  tabId: number,
  url: string,
  fields: PageFields,
): Promise<void> {
  const known = await store.get(tabId);
  const base: PageContext =
    known?.url === url ? known : { url, detection: known?.detection ?? { status: 'none' }, draft: {} };
  await store.set(tabId, { ...base, draft: { ...base.draft, ...fields } });
}

/** Reads a stored value back through the schema: storage is a boundary too. */
export function readStoredContext(value: unknown): PageContext | null {
  const parsed = PageContextSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const sessionPageContextStore: PageContextStore = {
  async get(tabId) {
    const key = pageContextKey(tabId);
    const stored = await browser.storage.session.get(key);
    return readStoredContext(stored[key]);
  },
  async set(tabId, context) {
    const key = pageContextKey(tabId);
    if (context) await browser.storage.session.set({ [key]: context });
    else await browser.storage.session.remove(key);
  },
};

/** Calls `onChange` whenever what `tabId` shows changes. Returns the unsubscribe. */
export function watchPageContext(tabId: number, onChange: (context: PageContext | null) => void): () => void {
  const key = pageContextKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    const change = changes[key];
    if (change) onChange(readStoredContext(change.newValue));
  };
  browser.storage.session.onChanged.addListener(listener);
  return () => browser.storage.session.onChanged.removeListener(listener);
}
