import { browser } from 'wxt/browser';
import { ContactSnapshot } from '../domain/contact-snapshot';
import type { Handlers } from './router';

/**
 * Which customer each tab shows. Kept in session storage, not in the worker's memory: the
 * worker can be stopped at any moment, and the sidebar must still know its page afterwards.
 * Session storage is closed to content scripts (trusted contexts only, Chrome's default).
 */
export interface PageContextStore {
  get(tabId: number): Promise<ContactSnapshot | null>;
  set(tabId: number, snapshot: ContactSnapshot | null): Promise<void>;
}

export function pageContextKey(tabId: number): string {
  return `pageContext:${tabId}`;
}

export function pageContextHandlers(
  store: PageContextStore,
): Pick<Handlers, 'page.contactDetected' | 'page.getContext'> {
  return {
    'page.contactDetected': async ({ snapshot }, sender) => {
      await store.set(sender.tabId, snapshot);
      return {};
    },
    'page.getContext': async (_request, sender) => {
      if (sender.tabId === undefined) throw new Error('This Tally page is not beside a back-office tab.');
      return { tabId: sender.tabId, snapshot: await store.get(sender.tabId) };
    },
  };
}

/** Reads a stored value back through the schema: storage is a boundary too. */
export function readStoredSnapshot(value: unknown): ContactSnapshot | null {
  const parsed = ContactSnapshot.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const sessionPageContextStore: PageContextStore = {
  async get(tabId) {
    const key = pageContextKey(tabId);
    const stored = await browser.storage.session.get(key);
    return readStoredSnapshot(stored[key]);
  },
  async set(tabId, snapshot) {
    const key = pageContextKey(tabId);
    if (snapshot) await browser.storage.session.set({ [key]: snapshot });
    else await browser.storage.session.remove(key);
  },
};

/** Calls `onChange` whenever the customer shown in `tabId` changes. Returns the unsubscribe. */
export function watchPageContext(
  tabId: number,
  onChange: (snapshot: ContactSnapshot | null) => void,
): () => void {
  const key = pageContextKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    const change = changes[key];
    if (change) onChange(readStoredSnapshot(change.newValue));
  };
  browser.storage.session.onChanged.addListener(listener);
  return () => browser.storage.session.onChanged.removeListener(listener);
}
