import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../src/adapters/detect';
import type { PageContext } from '../../../src/messaging/protocol';
import {
  activeTabSource,
  belongsToTab,
  type ActiveTabDeps,
  type TabFacts,
} from '../../../src/ui/sidebar/active-tab-source';
import type { PageBeside } from '../../../src/ui/sidebar/sidebar-model';

const WINDOW = 1;
const rep = 'http://127.0.0.1:5178/rep/customers/C-00042';
const pos = 'http://127.0.0.1:5178/pos/contacts?contact=3';

const context = (url: string, name: string): PageContext => {
  const detection: Detection = {
    status: 'found',
    source: { kind: 'adapter', id: 'northwind', name: 'Northwind Direct' },
    snapshot: { backOffice: 'northwind', name, url },
    confidence: 1,
  };
  return { url, detection, draft: {} };
};

/** A fake browser window: its tabs, what their content scripts reported, and the listeners. */
function fakeBrowser() {
  const tabs = new Map<number, TabFacts & { active: boolean }>();
  const contexts = new Map<number, PageContext>();
  const activated = new Set<(tabId: number, windowId: number) => void>();
  const navigated = new Set<(tab: TabFacts & { active: boolean }) => void>();
  const watchers = new Map<number, Set<(context: PageContext | null) => void>>();
  const taught: number[] = [];
  /** Answers to getContext wait here when `holdAnswers` is set, to land out of order. */
  const held: Array<() => void> = [];
  let holdAnswers = false;

  const deps: ActiveTabDeps = {
    activeTab: async () => [...tabs.values()].find((tab) => tab.active && tab.windowId === WINDOW) ?? null,
    onActivated(listener) {
      activated.add(listener);
      return () => activated.delete(listener);
    },
    onNavigated(listener) {
      navigated.add(listener);
      return () => navigated.delete(listener);
    },
    async getContext(tabId) {
      const answer = contexts.get(tabId) ?? null;
      if (holdAnswers) await new Promise<void>((release) => held.push(release));
      return answer;
    },
    watchContext(tabId, onChange) {
      const set = watchers.get(tabId) ?? new Set();
      set.add(onChange);
      watchers.set(tabId, set);
      return () => set.delete(onChange);
    },
    startTeaching: async (tabId) => void taught.push(tabId),
  };

  return {
    deps,
    taught,
    held,
    hold: (on: boolean) => (holdAnswers = on),
    open(id: number, url: string | undefined, windowId = WINDOW) {
      tabs.set(id, { id, windowId, active: false, ...(url ? { url } : {}) });
    },
    activate(id: number) {
      const tab = tabs.get(id);
      if (!tab) throw new Error(`no tab ${id}`);
      for (const other of tabs.values()) if (other.windowId === tab.windowId) other.active = false;
      tab.active = true;
      for (const listener of activated) listener(id, tab.windowId);
    },
    navigate(id: number, url: string | undefined) {
      const tab = tabs.get(id);
      if (!tab) throw new Error(`no tab ${id}`);
      const next = { id, windowId: tab.windowId, active: tab.active, ...(url ? { url } : {}) };
      tabs.set(id, next);
      for (const listener of navigated) listener(next);
    },
    report(id: number, value: PageContext | null) {
      if (value) contexts.set(id, value);
      else contexts.delete(id);
      for (const watcher of watchers.get(id) ?? []) watcher(value);
    },
    listeners: () => activated.size + navigated.size + [...watchers.values()].reduce((n, s) => n + s.size, 0),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const names = (pages: PageBeside[]) =>
  pages.map((page) =>
    page.context?.detection.status === 'found' ? page.context.detection.snapshot.name : null,
  );

describe('the side panel follows the active tab of its window', () => {
  it('shows the active tab, then each tab the user brings to the front', async () => {
    const browser = fakeBrowser();
    browser.open(1, rep);
    browser.open(2, pos);
    browser.report(1, context(rep, 'Ada Lovelace'));
    browser.report(2, context(pos, 'Linus Torvalds'));
    browser.activate(1);
    const pages: PageBeside[] = [];
    await activeTabSource(browser.deps).subscribe((page) => pages.push(page));
    expect(pages).toEqual([{ tabId: 1, context: context(rep, 'Ada Lovelace') }]);
    browser.activate(2);
    await settle();
    browser.activate(1);
    await settle();
    expect(names(pages)).toEqual(['Ada Lovelace', 'Linus Torvalds', 'Ada Lovelace']);
    expect(pages.map((page) => page.tabId)).toEqual([1, 2, 1]);
  });

  it('ignores tabs brought to the front in other windows', async () => {
    const browser = fakeBrowser();
    browser.open(1, rep);
    browser.open(9, pos, 2);
    browser.report(9, context(pos, 'Linus Torvalds'));
    browser.activate(1);
    const pages: PageBeside[] = [];
    await activeTabSource(browser.deps).subscribe((page) => pages.push(page));
    browser.activate(9);
    browser.navigate(9, pos);
    await settle();
    expect(pages).toEqual([{ tabId: 1, context: null }]);
  });

  it('shows what the active tab reports as it changes, and nothing from a tab left behind', async () => {
    const browser = fakeBrowser();
    browser.open(1, rep);
    browser.open(2, pos);
    browser.activate(1);
    const pages: PageBeside[] = [];
    await activeTabSource(browser.deps).subscribe((page) => pages.push(page));
    browser.report(1, context(rep, 'Ada Lovelace'));
    browser.activate(2);
    await settle();
    browser.report(1, context(rep, 'Charles Babbage'));
    browser.report(2, context(pos, 'Linus Torvalds'));
    expect(names(pages)).toEqual([null, 'Ada Lovelace', null, 'Linus Torvalds']);
  });

  it('drops the customer when the active tab leaves for a site Tally does not run on', async () => {
    const browser = fakeBrowser();
    browser.open(1, rep);
    browser.report(1, context(rep, 'Ada Lovelace'));
    browser.activate(1);
    const pages: PageBeside[] = [];
    await activeTabSource(browser.deps).subscribe((page) => pages.push(page));
    // No host access there: the browser hides the address, and no content script reports.
    browser.navigate(1, undefined);
    await settle();
    browser.navigate(1, rep);
    await settle();
    expect(names(pages)).toEqual(['Ada Lovelace', null, 'Ada Lovelace']);
  });

  it('shows the newest answer when older ones arrive late', async () => {
    const browser = fakeBrowser();
    browser.open(1, rep);
    browser.open(2, pos);
    browser.report(1, context(rep, 'Ada Lovelace'));
    browser.report(2, context(pos, 'Linus Torvalds'));
    browser.activate(1);
    const pages: PageBeside[] = [];
    await activeTabSource(browser.deps).subscribe((page) => pages.push(page));
    browser.hold(true);
    browser.activate(2);
    await settle();
    browser.activate(1);
    await settle();
    expect(browser.held).toHaveLength(2);
    browser.held[1]?.(); // tab 1's answer first, then tab 2's, which is stale by now
    await settle();
    browser.held[0]?.();
    await settle();
    expect(names(pages)).toEqual(['Ada Lovelace', 'Ada Lovelace']);
  });

  it('teaches the tab it shows, and stops listening when unsubscribed', async () => {
    const browser = fakeBrowser();
    browser.open(1, rep);
    browser.open(2, pos);
    browser.activate(1);
    const source = activeTabSource(browser.deps);
    const pages: PageBeside[] = [];
    const unsubscribe = await source.subscribe((page) => pages.push(page));
    browser.activate(2);
    await settle();
    await source.teach();
    expect(browser.taught).toEqual([2]);
    unsubscribe();
    expect(browser.listeners()).toBe(0);
    browser.activate(1);
    await settle();
    expect(pages).toHaveLength(2);
  });
});

describe('a reported page context holds for its tab', () => {
  it('while the tab stays on that back office’s origin', () => {
    const ada = context(rep, 'Ada Lovelace');
    expect(belongsToTab(ada, { id: 1, windowId: 1, url: rep })).toBe(ada);
    expect(belongsToTab(ada, { id: 1, windowId: 1, url: pos })).toBe(ada);
    expect(belongsToTab(ada, { id: 1, windowId: 1, url: 'https://example.com/' })).toBeNull();
    expect(belongsToTab(ada, { id: 1, windowId: 1 })).toBeNull();
    expect(belongsToTab(ada, null)).toBeNull();
    expect(belongsToTab(null, { id: 1, windowId: 1, url: rep })).toBeNull();
  });
});
