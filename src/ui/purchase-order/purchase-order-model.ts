import { batch, computed, signal } from '@preact/signals';
import type { Contact } from '../../domain/contact';
import { todayLocal, type CalendarDate } from '../../domain/dates';
import { t } from '../../domain/i18n';
import type { Money } from '../../domain/money';
import type { Product } from '../../domain/product';
import type { ProductIndex } from '../../domain/product-search';
import { createProductSearch } from '../catalog/product-search-model';
import { withLineChanged, withoutLine } from '../record/draft-lines';
import { purchaseOrderNumber, purchaseOrderTotal, type PurchaseOrder } from '../../domain/purchase-order';
import { getContact } from '../../db/contacts';
import type { TallyDatabase } from '../../db/database';
import {
  deletePurchaseOrderDraft,
  getPurchaseOrder,
  markPurchaseOrderReceived,
  markPurchaseOrderSent,
  savePurchaseOrderDraft,
  supplierLastCosts,
} from '../../db/purchase-orders';
import {
  addProduct,
  checkOrderDraft,
  draftLinesOf,
  draftLineTotal,
  type OrderDraftLine,
} from './order-draft';
import { userAction } from '../user-action';

export interface PurchaseOrderRequest {
  order: PurchaseOrder;
  supplier: Contact;
}

export interface PurchaseOrderScreenDeps {
  db: TallyDatabase;
  locale?: string;
  /** Offers bytes to the user as a file. */
  download: (filename: string, blob: Blob) => void;
  /** Builds the PDF (kept apart: jspdf is large and only needed on demand). */
  document: (request: PurchaseOrderRequest) => Promise<Blob>;
  /** The catalog, ready to search (the same index the sidebar's record screen uses). */
  loadCatalog: () => Promise<ProductIndex>;
  today?: () => CalendarDate;
}

/**
 * One purchase order on its own screen: while a draft, products searched from the catalog with
 * quantities and costs typed in the user's locale; then `Mark as sent` (with its PDF) and
 * `Mark as received`. The typed lines stay text until saved, checked as they change.
 */
export function createPurchaseOrderModel(deps: PurchaseOrderScreenDeps, id: string) {
  const today = deps.today ?? (() => todayLocal());
  const order = signal<PurchaseOrder | null>(null);
  const supplier = signal<Contact | null>(null);
  const missing = signal(false);
  const lines = signal<OrderDraftLine[]>([]);
  const note = signal('');
  /** Set by a save or send attempt: from then on, invalid fields are marked. */
  const attempted = signal(false);
  /** Set by `Mark as sent` until the next `Save draft`: a line without a cost is then marked. */
  const costsRequired = signal(false);
  // A bought-back device is one unit the shop owns already: nothing to order from a supplier.
  const search = createProductSearch({
    loadCatalog: deps.loadCatalog,
    pick: add,
    offers: (product) => product.oneTime !== true,
  });
  /** What this supplier last charged for each product, to start new lines from. */
  const lastCosts = signal<ReadonlyMap<string, Money>>(new Map());
  const receivedOn = signal(today());
  const error = signal<string | null>(null);
  const status = signal<string | null>(null);
  const busy = signal(false);

  const number = computed(() => (order.value ? purchaseOrderNumber(order.value) : t('purchase_order_title')));
  const title = computed(() => {
    const name = supplier.value?.name ?? t('purchase_order_deleted_contact');
    return order.value ? t('purchase_order_title_to', number.value, name) : t('purchase_order_title');
  });
  const check = computed(() =>
    checkOrderDraft(lines.value, note.value, order.value?.currency ?? 'USD', {
      locale: deps.locale,
      costsRequired: costsRequired.value,
    }),
  );
  /** Each line's total as typed, or null while its quantity or cost is not a valid amount. */
  const lineTotals = computed(() => {
    const currency = order.value?.currency ?? 'USD';
    return new Map(
      lines.value.map((line) => [line.productId, draftLineTotal(line, currency, deps.locale)] as const),
    );
  });
  /** The draft's total over the lines with a valid cost; the stored total once sent. */
  const total = computed((): Money | null => {
    const current = order.value;
    if (!current) return null;
    if (current.status !== 'draft') return purchaseOrderTotal(current);
    let minor = 0;
    for (const amount of lineTotals.value.values()) minor += amount?.minor ?? 0;
    return { minor, currency: current.currency };
  });
  /** After a save or send attempt, while some field is still wrong: what to do about it. */
  const formProblem = computed(() => {
    const checked = check.value;
    if (!attempted.value || (checked.lines && !checked.noteProblem)) return null;
    return costsRequired.value
      ? t('purchase_order_fix_before_sending', number.value)
      : t('purchase_order_fix_before_saving', number.value);
  });
  const costsMissing = computed(() => lines.value.some((line) => line.costText.trim() === ''));

  async function load() {
    const current = await getPurchaseOrder(deps.db, id);
    if (!current) {
      missing.value = true;
      return;
    }
    const [owner, costs] = await Promise.all([
      getContact(deps.db, current.supplierId),
      supplierLastCosts(deps.db, current.supplierId, current.currency),
    ]);
    batch(() => {
      show(current);
      supplier.value = owner ?? null;
      lastCosts.value = costs;
      receivedOn.value = today();
    });
    if (current.status === 'draft') {
      const problem = await search.load();
      if (problem) error.value = problem;
    }
  }

  /** Shows the order as stored; the draft's fields are made afresh from it. */
  function show(current: PurchaseOrder) {
    order.value = current;
    lines.value = draftLinesOf(current, deps.locale);
    note.value = current.note ?? '';
    attempted.value = false;
  }

  const act = userAction({ busy, error });
  /** Runs one change at a time (see userAction): the order it stores is shown, then `done`. */
  async function run(action: () => Promise<PurchaseOrder | void>, done?: string): Promise<boolean> {
    if (busy.value) return false;
    status.value = null;
    return act(null, async () => {
      const result = await action();
      if (result) show(result);
      if (done) status.value = done;
    });
  }

  function add(product: Product) {
    error.value = null;
    lines.value = addProduct(lines.value, product, lastCosts.value.get(product.id), deps.locale);
  }

  function updateLine(productId: string, change: Partial<Pick<OrderDraftLine, 'quantityText' | 'costText'>>) {
    lines.value = withLineChanged(lines.value, productId, change);
  }

  /** Saves the typed lines and note; false, with the fields marked, when some need fixing. */
  async function saveDraft(done?: string): Promise<boolean> {
    attempted.value = true;
    const checked = check.value;
    if (!checked.lines || checked.noteProblem) {
      // The fields are marked, and formProblem says so, until they are fixed.
      error.value = null;
      status.value = null;
      return false;
    }
    const draft = { lines: checked.lines, note: note.value };
    return run(() => savePurchaseOrderDraft(deps.db, id, draft), done);
  }

  async function downloadPdf(): Promise<boolean> {
    const current = order.value;
    const owner = supplier.value;
    if (!current || !owner) {
      error.value = t('purchase_order_supplier_gone');
      return false;
    }
    return run(async () => {
      const pdf = await deps.document({ order: current, supplier: owner });
      deps.download(t('purchase_order_file', purchaseOrderNumber(current)), pdf);
    });
  }

  /** Saves the draft (every cost typed), marks it sent, and downloads the PDF to send. */
  async function markSent() {
    costsRequired.value = true;
    if (!(await saveDraft())) return;
    if (!(await run(() => markPurchaseOrderSent(deps.db, id, today())))) return;
    if (await downloadPdf()) status.value = t('purchase_order_marked_sent', number.value);
  }

  return {
    id,
    order,
    supplier,
    missing,
    number,
    title,
    lines,
    note,
    attempted,
    check,
    lineTotals,
    total,
    costsMissing,
    formProblem,
    search,
    receivedOn,
    error,
    status,
    busy,
    load,
    add,
    updateLine,
    removeLine: (productId: string) => (lines.value = withoutLine(lines.value, productId)),
    saveDraft: () => {
      costsRequired.value = false;
      return saveDraft(t('purchase_order_draft_saved'));
    },
    markSent,
    downloadPdf,
    markReceived: () =>
      run(
        () => markPurchaseOrderReceived(deps.db, id, receivedOn.value, today()),
        t('purchase_order_marked_received', number.value),
      ),
    deleteDraft: () =>
      run(
        async () => {
          await deletePurchaseOrderDraft(deps.db, id);
          missing.value = true;
        },
        t('purchase_order_deleted', number.value),
      ),
  };
}

export type PurchaseOrderModel = ReturnType<typeof createPurchaseOrderModel>;
