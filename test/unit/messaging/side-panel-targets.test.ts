import { describe, expect, it, vi } from 'vitest';
import type { Detection } from '../../../src/adapters/detect';
import { pageContextHandlers, type PageContextStore } from '../../../src/messaging/page-context';
import type { PageContext } from '../../../src/messaging/protocol';
import { createRouter, type Handlers } from '../../../src/messaging/router';
import { classifySender, targetTab } from '../../../src/messaging/sender';
import { parseTabMessage } from '../../../src/messaging/tab-messages';
import { teachHandlers } from '../../../src/messaging/teach-handlers';

const self = { id: 'tally-id', origin: 'chrome-extension://tally-id/' };
const pageUrl = (id: number) => `http://127.0.0.1:5178/rep/customers/C-${id}`;
/** The sidebar framed in tab 7's page: the browser says which tab it is in. */
const framed = { id: 'tally-id', url: 'chrome-extension://tally-id/sidebar.html', tab: { id: 7 } };
/** The same page in the browser's side panel (or the toolbar popup): no tab of its own. */
const panel = { id: 'tally-id', url: 'chrome-extension://tally-id/sidebar.html' };
const content = (tabId: number) => ({ id: 'tally-id', url: pageUrl(tabId), tab: { id: tabId } });

const found = (name: string): Detection => ({
  status: 'found',
  source: { kind: 'adapter', id: 'northwind', name: 'Northwind Direct' },
  snapshot: { backOffice: 'northwind', externalId: 'C-1', name, url: pageUrl(1) },
  confidence: 1,
});

function memoryStore(): PageContextStore {
  const tabs = new Map<number, PageContext | null>();
  return { get: async (id) => tabs.get(id) ?? null, set: async (id, value) => void tabs.set(id, value) };
}

describe('which tab a request acts on', () => {
  const kind = (sender: Parameters<typeof classifySender>[0]) => classifySender(sender, self);

  it('is a content script’s or a framed sidebar’s own tab, which it may repeat', () => {
    expect(targetTab({}, kind(content(3)))).toBe(3);
    expect(targetTab({ tabId: 3 }, kind(content(3)))).toBe(3);
    expect(targetTab({}, kind(framed))).toBe(7);
    expect(targetTab({ tabId: 7 }, kind(framed))).toBe(7);
  });

  it('is never another tab for a sender that has a tab of its own', () => {
    expect(() => targetTab({ tabId: 8 }, kind(framed))).toThrow(/own tab only/);
    expect(() => targetTab({ tabId: 8 }, kind(content(3)))).toThrow(/own tab only/);
  });

  it('is the tab a Tally page without a tab names, and nothing when it names none', () => {
    expect(targetTab({ tabId: 8 }, kind(panel))).toBe(8);
    expect(() => targetTab({}, kind(panel))).toThrow(/not beside a back-office tab/);
  });

  it('is nothing for a stranger, whatever it names', () => {
    expect(() => targetTab({ tabId: 8 }, kind({ ...panel, id: 'other-extension' }))).toThrow();
    expect(() => targetTab({ tabId: 8 }, { kind: 'unknown' })).toThrow();
  });
});

describe('the side panel asks about the active tab', () => {
  function setUp() {
    const store = memoryStore();
    const startPicker = vi.fn(async (_tabId: number) => {});
    const route = createRouter(
      {
        ...pageContextHandlers(store),
        ...teachHandlers({
          db: () => {
            throw new Error('no database in these tests');
          },
          rescanTabs: async () => {},
          cacheSiteConfig: async () => {},
          startPicker,
        }),
      } as Handlers,
      self,
    );
    return { route, startPicker };
  }

  it('reads the page context of the tab it names', async () => {
    const { route } = setUp();
    await route({ type: 'page.contactDetected', request: { detection: found('Ada Lovelace') } }, content(3));
    await route(
      { type: 'page.contactDetected', request: { detection: found('Linus Torvalds') } },
      content(4),
    );
    expect(await route({ type: 'page.getContext', request: { tabId: 4 } }, panel)).toMatchObject({
      ok: true,
      response: { tabId: 4, context: { url: pageUrl(4), detection: found('Linus Torvalds') } },
    });
    expect(await route({ type: 'page.getContext', request: { tabId: 5 } }, panel)).toEqual({
      ok: true,
      response: { tabId: 5, context: null },
    });
  });

  it('keeps a framed sidebar to its own tab', async () => {
    const { route } = setUp();
    await route({ type: 'page.contactDetected', request: { detection: found('Ada Lovelace') } }, content(3));
    expect(await route({ type: 'page.getContext', request: { tabId: 3 } }, framed)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/own tab only/),
    });
    expect(await route({ type: 'page.getContext', request: {} }, framed)).toMatchObject({
      ok: true,
      response: { tabId: 7, context: null },
    });
  });

  it('refuses a tab id that is not one', async () => {
    const { route } = setUp();
    for (const tabId of [-1, 1.5, '3', null]) {
      expect(await route({ type: 'page.getContext', request: { tabId } }, panel)).toMatchObject({
        ok: false,
        error: 'page.getContext: invalid request.',
      });
    }
  });

  it('starts teaching in the tab the panel names, and only there', async () => {
    const { route, startPicker } = setUp();
    expect(await route({ type: 'teach.start', request: { tabId: 4 } }, panel)).toEqual({
      ok: true,
      response: {},
    });
    expect(await route({ type: 'teach.start', request: {} }, framed)).toEqual({ ok: true, response: {} });
    expect(await route({ type: 'teach.start', request: { tabId: 4 } }, framed)).toMatchObject({ ok: false });
    expect(await route({ type: 'teach.start', request: {} }, panel)).toMatchObject({ ok: false });
    expect(startPicker.mock.calls).toEqual([[4], [7]]);
  });
});

describe('the message that closes the docked sidebar', () => {
  it('is read by the content script, with nothing else carried', () => {
    expect(parseTabMessage({ type: 'tab.closeSidebar', extra: '<b>' })).toEqual({ type: 'tab.closeSidebar' });
  });
});
