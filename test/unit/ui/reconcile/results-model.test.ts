import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../../src/domain/contact';
import type { PurchaseRecord } from '../../../../src/domain/purchase';
import type { BackOfficeOnlyOrder, ReconcileStatus, RecordedOutcome } from '../../../../src/domain/reconcile';
import type { StoredReconcileRun } from '../../../../src/db/reconcile-tables';
import {
  createReconcileResultsModel,
  describeBackOfficeProduct,
  LIST_PAGE,
} from '../../../../src/ui/reconcile/results-model';
import { makeContact, makePurchase } from '../../../support/contacts';
import { makeRun } from './fakes';

const ada = makeContact({ name: 'Ada Lovelace' });
const grace = makeContact({ name: 'Grace Hopper' });

function statusOf(purchase: PurchaseRecord, outcome: RecordedOutcome, runId = 'run-1'): ReconcileStatus {
  return {
    purchaseId: purchase.id,
    runId,
    backOffice: 'northwind',
    outcome,
    backOfficeOrderIds: outcome === 'missing' ? [] : [`SO-${purchase.purchaseDate}`],
    lines: [{ lineIndex: 0 }],
    differences:
      outcome === 'conflict'
        ? [{ field: 'quantity', lineIndex: 0, recorded: '2', backOffice: '3' }]
        : outcome === 'probable'
          ? [{ field: 'date', recorded: purchase.purchaseDate, backOffice: '2026-02-11' }]
          : [],
    checkedAt: '2026-03-01T10:01:00.000Z',
  };
}

const extra: BackOfficeOnlyOrder = {
  order: {
    orderId: 'SO-9',
    date: '2026-02-20',
    currency: 'USD',
    customer: { id: 'C-00042', name: 'Ada L.' },
    lines: [{ line: 9, sku: 'NW-1', name: 'Hand Cream', quantity: 1, unitPriceMinor: 1250 }],
  },
  contactId: ada.id,
};
/** The catalog: SKU → name. */
const catalog = new Map([
  ['NW-1', 'Hand Cream'],
  ['NW-2', 'Lip Balm'],
]);
const stranger: BackOfficeOnlyOrder = {
  order: { ...extra.order, orderId: 'SO-10', customer: { email: 'who@example.com' } },
};

/** A stored run with its statuses, changed by the fakes of decide and import as src/db does. */
function setup(purchases: PurchaseRecord[], outcomes: RecordedOutcome[], run: StoredReconcileRun) {
  let stored = run;
  const statuses = new Map(
    purchases.map((purchase, index) => [purchase.id, statusOf(purchase, outcomes[index] ?? 'synced')]),
  );
  const contacts = new Map<string, Contact>([
    [ada.id, ada],
    [grace.id, grace],
  ]);
  let changed = 0;
  let readsFail = false;
  const skuReads: string[][] = [];
  const model = createReconcileResultsModel({
    readRun: async (id) => {
      if (readsFail) throw new Error('The database was closed.');
      return id === stored.id ? stored : undefined;
    },
    latestRun: async () => stored,
    readRunStatuses: async (runId) => [...statuses.values()].filter((status) => status.runId === runId),
    loadPurchases: async (ids) => new Map(purchases.filter((p) => ids.includes(p.id)).map((p) => [p.id, p])),
    loadContacts: async (ids) => new Map([...contacts].filter(([id]) => ids.includes(id))),
    loadProductNames: async (skus) => {
      skuReads.push([...skus]);
      return new Map([...catalog].filter(([sku]) => skus.includes(sku)));
    },
    decide: async (purchaseId, verdict) => {
      const status = statuses.get(purchaseId);
      if (!status) throw new Error('not reconciled');
      statuses.set(
        purchaseId,
        verdict === 'confirmed'
          ? { ...status, outcome: 'synced', confirmed: true }
          : { ...status, outcome: 'missing' },
      );
    },
    importOrder: async (_runId, orderId) => {
      const entry = stored.backOfficeOnly.find((candidate) => candidate.order.orderId === orderId);
      if (!entry?.contactId) throw new Error('The customer of this order is not one of your contacts.');
      stored = {
        ...stored,
        backOfficeOnly: stored.backOfficeOnly.map((candidate) =>
          candidate === entry ? { ...candidate, importedAs: 'new-purchase' } : candidate,
        ),
      };
      return 'new-purchase';
    },
    onChanged: () => {
      changed++;
    },
  });
  return {
    model,
    statuses,
    skuReads,
    changed: () => changed,
    failReads: () => {
      readsFail = true;
    },
  };
}

describe('reconcile results model', () => {
  it('lists each outcome of the run, oldest first, named by contact and date; statuses of other runs are left out', async () => {
    const purchases = [
      makePurchase(ada.id, '2026-02-10', 1250, 2),
      makePurchase(grace.id, '2026-02-03', 900),
      makePurchase(ada.id, '2026-02-01', 500),
      makePurchase(grace.id, '2026-02-05', 700),
    ];
    const { model, statuses } = setup(
      purchases,
      ['probable', 'missing', 'missing', 'conflict'],
      makeRun({ backOfficeOnly: [extra, stranger] }),
    );
    const older = makePurchase(ada.id, '2026-01-01', 100);
    statuses.set(older.id, statusOf(older, 'missing', 'run-0'));
    await model.refresh();
    const items = model.items.value;
    expect(items.missing.map((item) => item.label)).toEqual([
      'Ada Lovelace, 2026-02-01',
      'Grace Hopper, 2026-02-03',
    ]);
    expect(items.conflict.map((item) => item.status.differences)).toEqual([
      [{ field: 'quantity', lineIndex: 0, recorded: '2', backOffice: '3' }],
    ]);
    expect(items.probable.map((item) => item.label)).toEqual(['Ada Lovelace, 2026-02-10']);
    expect(model.backOfficeOnly.value.map((item) => item.label)).toEqual([
      'Ada Lovelace, 2026-02-20, SO-9',
      'who@example.com, 2026-02-20, SO-10',
    ]);
  });

  it('leaves out of the lists the orders deleted since the run, and counts them', async () => {
    const kept = makePurchase(ada.id, '2026-02-01', 500);
    const deleted = { ...makePurchase(grace.id, '2026-02-03', 900), deletedAt: '2026-03-02T09:00:00.000Z' };
    const { model } = setup([kept, deleted], ['missing', 'missing'], makeRun());
    await model.refresh();
    expect(model.items.value.missing.map((item) => item.label)).toEqual(['Ada Lovelace, 2026-02-01']);
    expect(model.deletedSinceRun.value).toBe(1);
  });

  it('confirms a probable match: it moves to synced, marked confirmed, and others reload', async () => {
    const purchases = [makePurchase(ada.id, '2026-02-10', 1250)];
    const { model, changed } = setup(purchases, ['probable'], makeRun());
    await model.refresh();
    const [probable] = model.items.value.probable;
    if (!probable) throw new Error('no probable match listed');
    await model.decide(probable, 'confirmed');
    expect(model.items.value.probable).toEqual([]);
    expect(model.items.value.synced.map((item) => item.status.confirmed)).toEqual([true]);
    expect(model.status.value).toBe('Match confirmed: Ada Lovelace, 2026-02-10.');
    expect(changed()).toBe(1);
  });

  it('a refused decision shows why and changes nothing', async () => {
    const purchases = [makePurchase(ada.id, '2026-02-10', 1250)];
    const { model, statuses, changed } = setup(purchases, ['probable'], makeRun());
    await model.refresh();
    const [probable] = model.items.value.probable;
    if (!probable) throw new Error('no probable match listed');
    statuses.clear();
    await model.decide(probable, 'rejected');
    expect(model.error.value).toBe('not reconciled');
    expect(changed()).toBe(0);
  });

  it("lists the back-office-only orders of the user's contacts first", async () => {
    const { model } = setup([], [], makeRun({ backOfficeOnly: [stranger, extra] }));
    await model.refresh();
    expect(model.backOfficeOnly.value.map((item) => item.entry.order.orderId)).toEqual([
      extra.order.orderId,
      stranger.order.orderId,
    ]);
    expect(model.backOfficeOnlyOfContacts.value).toBe(1);
  });

  it('imports a back-office-only order into its contact, and shows why another was refused', async () => {
    const { model, changed } = setup([], [], makeRun({ backOfficeOnly: [extra, stranger] }));
    await model.refresh();
    const [known, unknown] = model.backOfficeOnly.value;
    if (!known || !unknown) throw new Error('back-office-only orders not listed');
    await model.importOrder(unknown);
    expect(model.refusals.value.get('SO-10')).toBe('The customer of this order is not one of your contacts.');
    expect(changed()).toBe(0);
    await model.importOrder(known);
    expect(model.backOfficeOnly.value.map((item) => item.entry.importedAs)).toEqual([
      'new-purchase',
      undefined,
    ]);
    expect(model.status.value).toBe("Imported into Ada Lovelace's history: order SO-9 of 2026-02-20.");
    expect(changed()).toBe(1);
  });

  it('an import that worked is not called refused when the results cannot be read again', async () => {
    const { model, changed, failReads } = setup([], [], makeRun({ backOfficeOnly: [extra] }));
    await model.refresh();
    const [known] = model.backOfficeOnly.value;
    if (!known) throw new Error('back-office-only order not listed');
    failReads();
    await model.importOrder(known);
    expect(model.refusals.value.size).toBe(0);
    expect(model.status.value).toBe("Imported into Ada Lovelace's history: order SO-9 of 2026-02-20.");
    expect(model.error.value).toBe('The results could not be read: The database was closed.');
    expect(model.busy.value).toBe(false);
    expect(changed()).toBe(1);
  });

  it('lists 50 at a time with Show more, synced on request, and starts over for another run', async () => {
    const purchases = Array.from({ length: 120 }, (_, index) =>
      makePurchase(ada.id, `2026-02-${String((index % 28) + 1).padStart(2, '0')}`, 100 + index),
    );
    const { model } = setup(
      purchases,
      purchases.map(() => 'missing'),
      makeRun(),
    );
    await model.refresh();
    expect(model.items.value.missing).toHaveLength(120);
    expect(model.shown.value.missing).toBe(LIST_PAGE);
    model.showMore('missing');
    expect(model.shown.value.missing).toBe(100);
    model.toggleSynced();
    expect(model.showSynced.value).toBe(true);
    await model.show('run-1');
    expect(model.shown.value.missing).toBe(LIST_PAGE);
    expect(model.showSynced.value).toBe(false);
  });

  it("names a back-office line given by SKU alone from the catalog, reading only the shown orders' SKUs", async () => {
    const skuOnly = (orderId: string, sku: string): BackOfficeOnlyOrder => ({
      order: { ...extra.order, orderId, lines: [{ line: 3, sku, quantity: 2, unitPriceMinor: 400 }] },
      contactId: ada.id,
    });
    const orders = [
      skuOnly('SO-1', 'NW-1'),
      skuOnly('SO-2', 'NW-404'),
      extra,
      ...Array.from({ length: LIST_PAGE }, (_, index) => skuOnly(`SO-x${index}`, 'NW-1')),
      skuOnly('SO-last', 'NW-2'),
    ];
    const { model, skuReads } = setup([], [], makeRun({ backOfficeOnly: orders }));
    await model.refresh();
    const describe = (orderId: string) => {
      const item = model.backOfficeOnly.value.find((entry) => entry.entry.order.orderId === orderId);
      const line = item?.entry.order.lines[0];
      return line && describeBackOfficeProduct(line, model.productNames.value);
    };
    expect(describe('SO-1')).toBe('Hand Cream (NW-1)');
    expect(describe('SO-2')).toBe('NW-404');
    // A line with its own name keeps it.
    expect(describe('SO-9')).toBe('Hand Cream (NW-1)');
    // SO-last is past the first page: neither listed nor its SKU read until it is shown.
    expect(model.backOfficeOnlyCount.value).toBe(LIST_PAGE + 4);
    expect(model.backOfficeOnly.value).toHaveLength(LIST_PAGE);
    expect(skuReads).toEqual([['NW-1', 'NW-404']]);
    expect(describe('SO-last')).toBeUndefined();
    await model.showMore('backOfficeOnly');
    expect(skuReads).toEqual([
      ['NW-1', 'NW-404'],
      ['NW-404', 'NW-2'],
    ]);
    expect(describe('SO-last')).toBe('Lip Balm (NW-2)');
  });

  it('a refresh leaves the buttons enabled (busy untouched), so keyboard focus stays where it is', async () => {
    const purchases = [makePurchase(ada.id, '2026-02-10', 1250)];
    const { model } = setup(purchases, ['probable'], makeRun());
    const busy: boolean[] = [];
    const unsubscribe = model.busy.subscribe((value) => busy.push(value));
    await model.refresh();
    await model.refresh();
    unsubscribe();
    expect(busy).toEqual([false]);
    expect(model.items.value.probable).toHaveLength(1);
  });

  it('a slower earlier load never replaces the run shown after it', async () => {
    const first = makeRun({ id: 'run-1', fileName: 'old.csv' });
    const second = makeRun({ id: 'run-2', fileName: 'new.csv' });
    let releaseFirst: () => void = () => undefined;
    const model = createReconcileResultsModel({
      readRun: async (id) => (id === 'run-2' ? second : first),
      latestRun: async () => {
        await new Promise<void>((resolve) => (releaseFirst = resolve));
        return first;
      },
      readRunStatuses: async () => [],
      loadPurchases: async () => new Map(),
      loadContacts: async () => new Map(),
      loadProductNames: async () => new Map(),
      decide: async () => undefined,
      importOrder: async () => 'new',
    });
    const refreshing = model.refresh();
    await model.show('run-2');
    releaseFirst();
    await refreshing;
    expect(model.run.value?.fileName).toBe('new.csv');
  });

  it('shows nothing when no run is stored', async () => {
    const { model } = setup([], [], makeRun());
    await model.show('no-such-run');
    expect(model.run.value).toBeNull();
    expect(model.error.value).toBeNull();
  });
});
