import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Detection } from '../../../src/adapters/detect';
import { saveCapturedContact } from '../../../src/db/contacts';
import { TallyDatabase } from '../../../src/db/database';
import type { Contact } from '../../../src/domain/contact';
import type { PageContext } from '../../../src/messaging/protocol';
import { createBuyBackListModel } from '../../../src/ui/buyback/buyback-list-model';
import { createSidebarModel } from '../../../src/ui/sidebar/sidebar-model';

const url = 'http://127.0.0.1:5178/rep/customers/C-00042';
const snapshot = { backOffice: 'northwind', externalId: 'C-00042', name: 'Ada Lovelace', url };

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`buyback-start-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

/** Ada in the database, as capture stores her. */
async function ada(): Promise<Contact> {
  return (await saveCapturedContact(db, snapshot, 'US')).contact;
}

describe('New buy-back on the dashboard (Buy from …)', () => {
  it('starts one buy-back for a double click, and opens it once', async () => {
    const seller = await ada();
    const opened: string[] = [];
    const list = createBuyBackListModel({ db, open: (id) => opened.push(id) });
    const first = list.startFor(seller.id);
    expect(list.starting.value).toBe(true);
    await Promise.all([first, list.startFor(seller.id)]);
    expect(list.starting.value).toBe(false);
    const stored = await db.buyBacks.toArray();
    expect(stored.map((buyBack) => buyBack.number)).toEqual([1]);
    expect(opened).toEqual([stored[0]?.id]);
  });

  it('keeps the id when the buy-back did not open, so pressing again opens the one already started', async () => {
    const seller = await ada();
    const opened: string[] = [];
    let tabsRefused = true;
    const list = createBuyBackListModel({
      db,
      open: (id) => {
        if (tabsRefused) throw new Error('No tab could be opened.');
        opened.push(id);
      },
    });
    await list.startFor(seller.id);
    expect(list.error.value).toBe('No tab could be opened.');
    tabsRefused = false;
    await list.startFor(seller.id);
    const stored = await db.buyBacks.toArray();
    expect(stored).toHaveLength(1);
    expect(opened).toEqual([stored[0]?.id]);
    expect(list.error.value).toBeNull();
  });

  it('starts a new buy-back for a press after the last one was shown', async () => {
    const seller = await ada();
    const opened: string[] = [];
    const list = createBuyBackListModel({ db, open: (id) => opened.push(id) });
    await list.startFor(seller.id);
    await list.startFor(seller.id);
    expect(await db.buyBacks.count()).toBe(2);
    expect(new Set(opened).size).toBe(2);
  });
});

describe('New buy-back in the sidebar', () => {
  function sidebarBesideAda(opened: string[]) {
    const detection: Detection = {
      status: 'found',
      source: { kind: 'adapter', id: 'northwind', name: 'Northwind Direct' },
      snapshot,
      confidence: 1,
    };
    const context: PageContext = { url, detection, draft: {} };
    return createSidebarModel({
      db,
      defaultCountry: 'US',
      pageContext: {
        subscribe: async (onChange) => {
          onChange({ tabId: 1, context });
          return () => undefined;
        },
        teach: async () => undefined,
      },
      openBuyBack: (id) => opened.push(id),
    });
  }

  it('captures the customer once and starts one estimate for a double click, opened once', async () => {
    const opened: string[] = [];
    const sidebar = sidebarBesideAda(opened);
    await sidebar.start();
    expect(sidebar.contact.value).toBeNull();
    const first = sidebar.startBuyBack();
    expect(sidebar.startingBuyBack.value).toBe(true);
    await Promise.all([first, sidebar.startBuyBack()]);
    expect(sidebar.startingBuyBack.value).toBe(false);
    expect(await db.contacts.count()).toBe(1);
    const stored = await db.buyBacks.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.status).toBe('estimate');
    expect(opened).toEqual([stored[0]?.id]);
    const onTimeline = sidebar.timeline.entries.value.flatMap((entry) =>
      entry.kind === 'buy-back' ? [entry.buyBack.id] : [],
    );
    expect(onTimeline).toEqual(opened);
  });

  it('starts a second estimate when pressed again after the first was shown', async () => {
    await ada();
    const opened: string[] = [];
    const sidebar = sidebarBesideAda(opened);
    await sidebar.start();
    await sidebar.startBuyBack();
    await sidebar.startBuyBack();
    expect(await db.buyBacks.count()).toBe(2);
    expect(new Set(opened).size).toBe(2);
  });
});
