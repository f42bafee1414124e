import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Detection } from '../../../src/adapters/detect';
import { TallyDatabase } from '../../../src/db/database';
import { setSiteMode } from '../../../src/db/site-settings';
import { captureHandlers, captureInTab } from '../../../src/messaging/capture-handlers';
import { addToDraft, pageContextHandlers, type PageContextStore } from '../../../src/messaging/page-context';
import type { PageContext } from '../../../src/messaging/protocol';
import { createRouter, type Handlers } from '../../../src/messaging/router';
import { siteHandlers } from '../../../src/messaging/site-handlers';
import { teachHandlers } from '../../../src/messaging/teach-handlers';

const self = { id: 'tally-id', origin: 'chrome-extension://tally-id/' };
const pageUrl = 'http://127.0.0.1:5178/crm/clients/1042';
const tab = (id: number, url = pageUrl) => ({ id: 'tally-id', url, tab: { id } });
const sidebar = { id: 'tally-id', url: 'chrome-extension://tally-id/sidebar.html', tab: { id: 1 } };

const sure: Detection = {
  status: 'found',
  source: { kind: 'adapter', id: 'northwind', name: 'Northwind Direct' },
  snapshot: { backOffice: 'northwind', externalId: 'C-1', name: 'Ada Lovelace', url: pageUrl },
  confidence: 1,
};

function memoryStore(): PageContextStore {
  const tabs = new Map<number, PageContext | null>();
  return { get: async (id) => tabs.get(id) ?? null, set: async (id, value) => void tabs.set(id, value) };
}

const draft = {
  name: 'Acme client page',
  origin: 'http://127.0.0.1:5178',
  pathPattern: '/crm/clients/*',
  fields: { name: { kind: 'css', selector: '#client-name' } },
};

let db: TallyDatabase;
let store: PageContextStore;
let rescanTabs: ReturnType<typeof vi.fn<(origin: string) => Promise<void>>>;
let startPicker: ReturnType<typeof vi.fn<(tabId: number) => Promise<void>>>;
let cached: Map<string, unknown>;
const cacheSiteConfig = async (origin: string, config: unknown) => void cached.set(origin, config);
let route: ReturnType<typeof createRouter>;

beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  store = memoryStore();
  rescanTabs = vi.fn(async () => {});
  startPicker = vi.fn(async () => {});
  cached = new Map();
  const deps = { db: () => db, store, defaultCountry: () => 'US' as const };
  route = createRouter(
    {
      ...pageContextHandlers(store),
      ...captureHandlers(deps),
      ...siteHandlers({ db: () => db, rescanTabs, cacheSiteConfig }),
      ...teachHandlers({ db: () => db, rescanTabs, cacheSiteConfig, startPicker }),
    } as Handlers,
    self,
  );
});
afterEach(async () => {
  await db.delete();
});

describe('capture from the launcher or the keyboard shortcut', () => {
  it('captures what the tab reported, once, whichever tab asks', async () => {
    await route({ type: 'page.contactDetected', request: { detection: sure } }, tab(1));
    await route({ type: 'page.contactDetected', request: { detection: sure } }, tab(2));
    expect(await route({ type: 'page.capture', request: {} }, tab(1))).toEqual({
      ok: true,
      response: { outcome: 'captured', name: 'Ada Lovelace' },
    });
    expect(await route({ type: 'page.capture', request: {} }, tab(2))).toEqual({
      ok: true,
      response: { outcome: 'unchanged', name: 'Ada Lovelace' },
    });
    expect(await db.contacts.count()).toBe(1);
  });

  it('asks the user to confirm a guess or a broken page rather than capture it', async () => {
    const deps = { db: () => db, store, defaultCountry: () => 'US' as const };
    await store.set(1, { url: pageUrl, detection: { ...sure, confidence: 0.5 }, draft: {} });
    expect(await captureInTab(deps, 1)).toEqual({ outcome: 'confirm' });
    await store.set(1, {
      url: pageUrl,
      detection: { status: 'broken', source: sure.source, reason: 'name: not found', partial: {} },
      draft: {},
    });
    expect(await captureInTab(deps, 1)).toEqual({ outcome: 'confirm' });
    expect(await db.contacts.count()).toBe(0);
  });

  it('refuses on a site where capture is turned off', async () => {
    await setSiteMode(db, 'http://127.0.0.1:5178', 'never-capture');
    await route({ type: 'page.contactDetected', request: { detection: sure } }, tab(1));
    expect(await route({ type: 'page.capture', request: {} }, tab(1))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/turned off/),
    });
  });
});

describe('site settings and recipes', () => {
  it('gives a content script the mode and recipes of its own origin only', async () => {
    await route({ type: 'teach.recipeLearned', request: { draft } }, tab(1));
    const here = await route({ type: 'page.siteConfig', request: {} }, tab(1));
    expect(here).toMatchObject({
      ok: true,
      response: { mode: 'on', recipes: [{ name: 'Acme client page' }] },
    });
    const elsewhere = await route(
      { type: 'page.siteConfig', request: {} },
      tab(2, 'https://other.example/x'),
    );
    expect(elsewhere).toEqual({ ok: true, response: { mode: 'on', recipes: [] } });
    await setSiteMode(db, 'http://127.0.0.1:5178', 'off');
    await route({ type: 'sites.changed', request: { origin: 'http://127.0.0.1:5178/' } }, sidebar);
    expect(cached.get('http://127.0.0.1:5178')).toEqual({ mode: 'off', recipes: [] });
    expect(await route({ type: 'page.siteConfig', request: {} }, tab(1))).toEqual({
      ok: true,
      response: { mode: 'off', recipes: [] },
    });
  });

  it('stores a taught recipe for the teaching tab’s origin and rescans that origin’s tabs', async () => {
    const reply = await route({ type: 'teach.recipeLearned', request: { draft } }, tab(1));
    expect(reply).toMatchObject({ ok: true, response: { recipeId: expect.any(String) } });
    expect(rescanTabs).toHaveBeenCalledWith('http://127.0.0.1:5178');
    // The content scripts' copy is refreshed before the tabs are told to detect again.
    expect(cached.get('http://127.0.0.1:5178')).toMatchObject({
      mode: 'on',
      recipes: [{ name: 'Acme client page' }],
    });
    const forged = await route(
      { type: 'teach.recipeLearned', request: { draft: { ...draft, origin: 'https://bank.example' } } },
      tab(1),
    );
    expect(forged).toMatchObject({ ok: false });
    expect(await db.recipes.count()).toBe(1);
  });

  it('teaching the same pages again replaces the recipe', async () => {
    await route({ type: 'teach.recipeLearned', request: { draft } }, tab(1));
    await route({ type: 'teach.recipeLearned', request: { draft: { ...draft, name: 'Fixed' } } }, tab(1));
    expect((await db.recipes.toArray()).map((recipe) => recipe.name)).toEqual(['Fixed']);
  });

  it('starts the picker in the sidebar’s own tab', async () => {
    expect(await route({ type: 'teach.start', request: {} }, sidebar)).toEqual({ ok: true, response: {} });
    expect(startPicker).toHaveBeenCalledWith(1);
  });
});

describe('fields picked with the context menu', () => {
  it('collect in the tab’s draft, and are dropped when the page changes', async () => {
    await route({ type: 'page.contactDetected', request: { detection: { status: 'none' } } }, tab(1));
    await addToDraft(store, 1, pageUrl, { name: 'Grace Hopper' });
    await addToDraft(store, 1, pageUrl, { email: 'grace@example.com' });
    expect((await store.get(1))?.draft).toEqual({ name: 'Grace Hopper', email: 'grace@example.com' });
    await route({ type: 'page.contactDetected', request: { detection: sure } }, tab(1, `${pageUrl}/edit`));
    expect((await store.get(1))?.draft).toEqual({});
  });
});
