import { computed, signal } from '@preact/signals';
import type { BackOfficeLine } from '../../domain/back-office-order';
import type { Contact } from '../../domain/contact';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import type { PurchaseRecord } from '../../domain/purchase';
import type { BackOfficeOnlyOrder, RecordedOutcome, ReconcileStatus } from '../../domain/reconcile';
import type { StoredReconcileRun } from '../../db/reconcile-tables';
import { productWithSku } from '../../reconcile/difference-text';
import { failedWith, userAction } from '../user-action';

export interface ReconcileResultsDeps {
  readRun: (runId: string) => Promise<StoredReconcileRun | undefined>;
  latestRun: () => Promise<StoredReconcileRun | undefined>;
  /**
   * The statuses this run set (by the runId index): every refresh reads them, and the store holds
   * one for each order ever reconciled.
   */
  readRunStatuses: (runId: string) => Promise<readonly ReconcileStatus[]>;
  loadPurchases: (ids: readonly string[]) => Promise<ReadonlyMap<string, PurchaseRecord>>;
  loadContacts: (ids: readonly string[]) => Promise<ReadonlyMap<string, Contact>>;
  /** The catalog's names for these SKUs: a back-office line may give its SKU alone. */
  loadProductNames: (skus: readonly string[]) => Promise<ReadonlyMap<string, string>>;
  decide: (purchaseId: string, verdict: 'confirmed' | 'rejected') => Promise<unknown>;
  /** Resolves to the new purchase's id; throws with the reason it was refused. */
  importOrder: (runId: string, orderId: string) => Promise<string>;
  /** Purchases or statuses changed: lists and timelines elsewhere reload. */
  onChanged?: () => void | Promise<void>;
}

/** A recorded order as the results list it: its status, the record and whose it is. */
export interface RecordedItem {
  status: ReconcileStatus;
  record: PurchaseRecord | undefined;
  contactName: string;
  /** "Ada Lovelace, 2026-03-05": names the order in its buttons' accessible names. */
  label: string;
}

/** A back-office order nothing recorded matched. */
export interface BackOfficeItem {
  entry: BackOfficeOnlyOrder;
  contactName: string;
  /** "Ada Lovelace, 2026-03-05, SO-1234". */
  label: string;
}

export type ResultList = RecordedOutcome | 'backOfficeOnly' | 'skipped';

/** Long lists show this many, and this many more at each `Show more`. */
export const LIST_PAGE = 50;

interface Loaded {
  run: StoredReconcileRun;
  statuses: readonly ReconcileStatus[];
  purchases: ReadonlyMap<string, PurchaseRecord>;
  contacts: ReadonlyMap<string, Contact>;
}

/**
 * The results of one reconcile run: counts per outcome, what is missing from the back office (a
 * to-do list), conflicts field by field, probable matches to confirm or reject, back-office-only
 * orders to import into a contact's history, synced ones on request, and the skipped rows.
 */
export function createReconcileResultsModel(deps: ReconcileResultsDeps) {
  const loaded = signal<Loaded | null>(null);
  const shown = signal<Readonly<Record<ResultList, number>>>(firstPage());
  const showSynced = signal(false);
  /** Why importing an order was refused, by back-office order id. */
  const refusals = signal<ReadonlyMap<string, string>>(new Map());
  /** Catalog names of the SKUs that shown back-office lines give without a name. */
  const productNames = signal<ReadonlyMap<string, string>>(new Map());
  const status = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  const act = userAction({ busy, error });

  const run = computed(() => loaded.value?.run ?? null);
  const items = computed(() => {
    const byOutcome: Record<RecordedOutcome, RecordedItem[]> = {
      synced: [],
      probable: [],
      conflict: [],
      missing: [],
    };
    const current = loaded.value;
    if (!current) return byOutcome;
    for (const status of current.statuses) {
      const record = current.purchases.get(status.purchaseId);
      // Deleted since the run: nothing to enter in the back office or to confirm any more.
      if (record?.deletedAt !== undefined) continue;
      const contactName =
        (record && current.contacts.get(record.contactId)?.name) ?? t('reconcile_deleted_contact');
      const date = record?.purchaseDate ?? '';
      byOutcome[status.outcome].push({ status, record, contactName, label: `${contactName}, ${date}` });
    }
    // The to-do list and the others read oldest first, as they would be entered.
    for (const list of Object.values(byOutcome)) list.sort(byDate);
    return byOutcome;
  });
  /** The run's recorded orders deleted since: left out of its lists (the counts are the run's). */
  const deletedSinceRun = computed(() => {
    const current = loaded.value;
    if (!current) return 0;
    let deleted = 0;
    for (const record of current.purchases.values()) if (record.deletedAt !== undefined) deleted++;
    return deleted;
  });
  /** The run's back-office-only orders, the user's contacts' first (see contactsFirst). */
  const backOfficeOrders = computed(() => contactsFirst(loaded.value?.run.backOfficeOnly ?? []));
  /** How many back-office-only orders the run has. */
  const backOfficeOnlyCount = computed(() => backOfficeOrders.value.entries.length);
  /** How many back-office-only orders belong to contacts of the user's (they come first). */
  const backOfficeOnlyOfContacts = computed(() => backOfficeOrders.value.ofContacts);
  /**
   * The back-office-only orders on screen (the first `shown`), named by contact: a run may hold
   * tens of thousands, and only these are given names and labels at each refresh.
   */
  const backOfficeOnly = computed<BackOfficeItem[]>(() => {
    const current = loaded.value;
    if (!current) return [];
    return backOfficeOrders.value.entries.slice(0, shown.value.backOfficeOnly).map((entry) => {
      const contact = entry.contactId ? current.contacts.get(entry.contactId) : undefined;
      const { customer, date, orderId } = entry.order;
      const contactName =
        contact?.name ?? customer.name ?? customer.email ?? customer.id ?? t('reconcile_unknown_customer');
      return { entry, contactName, label: `${contactName}, ${date}, ${orderId}` };
    });
  });

  /** Counts loads, so that a slower earlier one (a refresh as a run is shown) never wins. */
  let generation = 0;

  /** Shows the run `read` finds, with its statuses, purchases and contacts. */
  async function load(read: () => Promise<StoredReconcileRun | undefined>, keepPages: boolean) {
    const mine = ++generation;
    const found = await read();
    if (mine !== generation) return;
    if (!found) {
      loaded.value = null;
      return;
    }
    const statuses = await deps.readRunStatuses(found.id);
    const purchases = await deps.loadPurchases(statuses.map((entry) => entry.purchaseId));
    const contactIds = new Set([...purchases.values()].map((record) => record.contactId));
    for (const entry of found.backOfficeOnly) if (entry.contactId) contactIds.add(entry.contactId);
    const contacts = await deps.loadContacts([...contactIds]);
    if (mine !== generation) return;
    if (!keepPages || loaded.value?.run.id !== found.id) {
      shown.value = firstPage();
      showSynced.value = false;
      refusals.value = new Map();
    }
    loaded.value = { run: found, statuses, purchases, contacts };
    await loadProductNames();
  }

  /** Names for the SKU-only lines of the back-office-only orders on screen, not of the whole file. */
  async function loadProductNames() {
    const known = productNames.value;
    const skus = new Set<string>();
    for (const item of backOfficeOnly.value) {
      for (const line of item.entry.order.lines) {
        if (line.sku && !line.name && !known.has(line.sku)) skus.add(line.sku);
      }
    }
    if (skus.size === 0) return;
    const found = await deps.loadProductNames([...skus]);
    if (found.size > 0) productNames.value = new Map([...productNames.value, ...found]);
  }

  /** Shows one run's results (a run just finished, or the earlier run of a file given again). */
  async function show(runId: string) {
    await act(failedWith('reconcile_results_unreadable'), () => load(() => deps.readRun(runId), false));
  }

  /**
   * The shown run again (after a decision, an import, a change elsewhere), or the latest run. Not
   * a user action, so `busy` is left alone: the page refreshes at every return to it, and an
   * action the user takes meanwhile must not be turned away as if another were running.
   */
  async function refresh() {
    const current = loaded.value?.run.id;
    try {
      await load(() => (current ? deps.readRun(current) : deps.latestRun()), true);
    } catch (failure) {
      error.value = t('reconcile_results_unreadable', errorMessage(failure));
    }
  }

  async function decide(item: RecordedItem, verdict: 'confirmed' | 'rejected') {
    if (busy.value) return;
    status.value = null;
    const done = await act(null, async () => {
      await deps.decide(item.status.purchaseId, verdict);
      const current = loaded.value;
      if (current) await load(() => deps.readRun(current.run.id), true);
    });
    if (!done) return;
    status.value = t(
      verdict === 'confirmed' ? 'reconcile_match_confirmed' : 'reconcile_match_rejected',
      item.label,
    );
    await deps.onChanged?.();
  }

  /**
   * `Import into history`: the order becomes a purchase of its contact; a refusal says why, by the
   * order. Once imported, a failure to read the results again is no refusal: it is the page's error.
   */
  async function importOrder(item: BackOfficeItem) {
    const current = loaded.value;
    if (!current || busy.value) return;
    const { orderId } = item.entry.order;
    status.value = null;
    error.value = null;
    busy.value = true;
    try {
      await deps.importOrder(current.run.id, orderId);
    } catch (failure) {
      refusals.value = new Map(refusals.value).set(orderId, errorMessage(failure));
      busy.value = false;
      return;
    }
    const next = new Map(refusals.value);
    next.delete(orderId);
    refusals.value = next;
    status.value = t('reconcile_imported', item.contactName, orderId, item.entry.order.date);
    try {
      await load(() => deps.readRun(current.run.id), true);
    } catch (failure) {
      error.value = t('reconcile_results_unreadable', errorMessage(failure));
    } finally {
      busy.value = false;
    }
    await deps.onChanged?.();
  }

  async function showMore(list: ResultList) {
    shown.value = { ...shown.value, [list]: shown.value[list] + LIST_PAGE };
    if (list !== 'backOfficeOnly') return;
    try {
      await loadProductNames();
    } catch (failure) {
      error.value = t('reconcile_catalog_unreadable', errorMessage(failure));
    }
  }

  return {
    run,
    items,
    deletedSinceRun,
    backOfficeOnly,
    backOfficeOnlyCount,
    backOfficeOnlyOfContacts,
    shown,
    showSynced,
    refusals,
    productNames,
    status,
    error,
    busy,
    show,
    refresh,
    decide,
    importOrder,
    showMore,
    toggleSynced: () => (showSynced.value = !showSynced.value),
  };
}

export type ReconcileResultsModel = ReturnType<typeof createReconcileResultsModel>;

/**
 * What a back-office line is for, as its list shows it: "Hand Cream (NW-1)". A line that gives
 * its SKU alone takes the catalog's name for it; a SKU the catalog does not know shows as it is.
 */
export function describeBackOfficeProduct(
  line: Pick<BackOfficeLine, 'sku' | 'name'>,
  catalogNames: ReadonlyMap<string, string>,
): string {
  const name = line.name ?? (line.sku === undefined ? undefined : catalogNames.get(line.sku));
  return productWithSku(name, line.sku);
}

/** The same orders put in order once: a refresh that reads the run unchanged reuses it. */
const orderedOrders = new WeakMap<
  readonly BackOfficeOnlyOrder[],
  { entries: readonly BackOfficeOnlyOrder[]; ofContacts: number }
>();

/**
 * The orders of the user's own contacts first: those can go into a history. A back office
 * exports every customer's orders, most of them of people the user never captured.
 */
function contactsFirst(orders: readonly BackOfficeOnlyOrder[]) {
  const known = orderedOrders.get(orders);
  if (known) return known;
  const ofContacts: BackOfficeOnlyOrder[] = [];
  const others: BackOfficeOnlyOrder[] = [];
  for (const entry of orders) (entry.contactId === undefined ? others : ofContacts).push(entry);
  const ordered = {
    entries: others.length === 0 ? orders : [...ofContacts, ...others],
    ofContacts: ofContacts.length,
  };
  orderedOrders.set(orders, ordered);
  return ordered;
}

function firstPage(): Record<ResultList, number> {
  return {
    synced: LIST_PAGE,
    probable: LIST_PAGE,
    conflict: LIST_PAGE,
    missing: LIST_PAGE,
    backOfficeOnly: LIST_PAGE,
    skipped: LIST_PAGE,
  };
}

function byDate(a: RecordedItem, b: RecordedItem): number {
  const left = a.record?.purchaseDate ?? '';
  const right = b.record?.purchaseDate ?? '';
  return left < right ? -1 : left > right ? 1 : a.contactName.localeCompare(b.contactName);
}
