import { browser, type Browser } from 'wxt/browser';
import { t } from '../../domain/i18n';
import { sendMessage } from '../../messaging/client';
import { watchPageContext } from '../../messaging/page-context';
import type { PageContext } from '../../messaging/protocol';
import type { PageBeside, PageContextSource } from './sidebar-model';

/** A tab as the browser describes it; `url` only where Tally has host access (back offices). */
export interface TabFacts {
  id: number;
  windowId: number;
  url?: string;
}

/** The browser calls the side panel needs, injected so that the following can be tested. */
export interface ActiveTabDeps {
  /** The active tab of the window the panel is in. */
  activeTab(): Promise<TabFacts | null>;
  /** Another tab became active (in any window). Returns the unsubscribe. */
  onActivated(listener: (tabId: number, windowId: number) => void): () => void;
  /** A tab navigated: a new document, or a new address (single-page apps). Returns the unsubscribe. */
  onNavigated(listener: (tab: TabFacts & { active: boolean }) => void): () => void;
  getContext(tabId: number): Promise<PageContext | null>;
  watchContext(tabId: number, onChange: (context: PageContext | null) => void): () => void;
  startTeaching(tabId: number): Promise<void>;
}

/**
 * What the browser's side panel shows: the active tab of its own window, followed as the user
 * switches tabs or the tab navigates, and what that tab's content script reports meanwhile.
 */
export function activeTabSource(deps: ActiveTabDeps): Required<PageContextSource> {
  let current: TabFacts | null = null;
  let windowId: number | undefined;
  // Each newer answer wins: an older request still on its way is dropped when it lands.
  let generation = 0;

  return {
    async subscribe(onChange) {
      let unwatch: (() => void) | undefined;
      const show = (tab: TabFacts | null, context: PageContext | null) => {
        const page: PageBeside = { tabId: tab?.id ?? null, context: belongsToTab(context, tab) };
        onChange(page);
      };
      const follow = async (tab: TabFacts | null) => {
        const mine = ++generation;
        if (tab?.id !== current?.id) {
          unwatch?.();
          unwatch = tab
            ? deps.watchContext(tab.id, (context) => {
                ++generation;
                show(current, context);
              })
            : undefined;
        }
        current = tab;
        const context = tab ? await deps.getContext(tab.id) : null;
        if (mine === generation) show(tab, context);
      };
      const refollow = () =>
        void deps
          .activeTab()
          .then(follow)
          .catch((error: unknown) => console.warn('Tally: could not follow the active tab.', error));

      // Listen before the first read, so that no switch in between is missed.
      const offActivated = deps.onActivated((_tabId, inWindow) => {
        if (windowId === undefined || inWindow === windowId) refollow();
      });
      const offNavigated = deps.onNavigated((tab) => {
        if (tab.active && tab.windowId === windowId) void follow(tab);
      });
      const first = await deps.activeTab();
      windowId = first?.windowId;
      await follow(first);
      return () => {
        offActivated();
        offNavigated();
        unwatch?.();
      };
    },
    async teach() {
      if (!current) throw new Error(t('sidebar_no_page_to_teach'));
      await deps.startTeaching(current.id);
    },
  };
}

/** The side panel's source, wired to the browser. */
export function browserActiveTabSource(): PageContextSource {
  const { tabs } = browser;
  return activeTabSource({
    activeTab: async () => tabFacts((await tabs.query({ active: true, currentWindow: true }))[0]),
    onActivated(listener) {
      const onActivated = (info: Browser.tabs.OnActivatedInfo) => listener(info.tabId, info.windowId);
      tabs.onActivated.addListener(onActivated);
      return () => tabs.onActivated.removeListener(onActivated);
    },
    onNavigated(listener) {
      const onUpdated = (_tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab) => {
        // Titles, favicons and audio change often and say nothing about the customer.
        if (change.url === undefined && change.status !== 'loading') return;
        const facts = tabFacts(tab);
        if (facts) listener({ ...facts, active: tab.active });
      };
      tabs.onUpdated.addListener(onUpdated);
      return () => tabs.onUpdated.removeListener(onUpdated);
    },
    getContext: async (tabId) => (await sendMessage('page.getContext', { tabId })).context,
    watchContext: watchPageContext,
    startTeaching: async (tabId) => {
      await sendMessage('teach.start', { tabId });
    },
  });
}

function tabFacts(tab: Browser.tabs.Tab | undefined): TabFacts | null {
  if (tab?.id === undefined || tab.id < 0) return null;
  return tab.url
    ? { id: tab.id, windowId: tab.windowId, url: tab.url }
    : { id: tab.id, windowId: tab.windowId };
}

/**
 * What a tab's content script reported holds while the tab stays on that back office. A tab
 * that went on to a site Tally does not run on reports nothing more; the browser then hides its
 * address from Tally (no host access), and the old customer must not stay on show.
 */
export function belongsToTab(context: PageContext | null, tab: TabFacts | null): PageContext | null {
  if (!context || !tab?.url) return null;
  return originOf(context.url) === originOf(tab.url) ? context : null;
}

function originOf(address: string): string | null {
  try {
    return new URL(address).origin;
  } catch {
    return null;
  }
}
