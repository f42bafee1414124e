import { computed, signal } from '@preact/signals';
import type { Contact } from '../../domain/contact';
import { todayLocal, type CalendarDate } from '../../domain/dates';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { sumMoney, multiplyMoney, type CurrencyCode, type Money } from '../../domain/money';
import { formatMoneyInput, parseMoneyInput } from '../../domain/money-input';
import type { Product } from '../../domain/product';
import type { ProductIndex } from '../../domain/product-search';
import { createProductSearch } from '../catalog/product-search-model';
import type { PurchaseKind, PurchaseLine, PurchaseRecord } from '../../domain/purchase';
import type { GroupOrderDraft, PurchaseDraft } from '../../db/purchases';
import {
  checkNote,
  checkOrder,
  checkPayment,
  parseQuantity,
  type DraftLine,
  type LineProduct,
} from './order-validation';
import { withLineChanged, withOneMore, withoutLine } from './draft-lines';
import { createSplitModel, type SplitModel } from './split-model';

/** What one contact's order comes to once the review screen is confirmed. */
export type OrderDraft = Pick<
  PurchaseDraft,
  'id' | 'contactId' | 'kind' | 'purchaseDate' | 'currency' | 'lines' | 'note' | 'payment'
>;

/** How a contact can pay: the shop's payment methods, and the store credit the contact has. */
export interface PaymentOptions {
  methods: readonly string[];
  /** The contact's store-credit balance, one amount per currency. */
  credit: readonly Money[];
}

export interface RecordModelDeps {
  /** The catalog, ready to search; the sidebar loads it once and shares it. */
  loadCatalog(): Promise<ProductIndex>;
  /** Stores a new order, or the edited one when the model was opened on a record. */
  save(draft: OrderDraft): Promise<void>;
  saveGroup(draft: GroupOrderDraft): Promise<void>;
  searchContacts(query: string): Promise<Contact[]>;
  /** The payment methods and the contact's store credit, for a purchase's payment. */
  loadPaymentOptions(contactId: string): Promise<PaymentOptions>;
  locale?: string;
  today?: () => CalendarDate;
}

/**
 * One purchase or sample being recorded or edited: pick products, then review date, quantities
 * and prices (and, for a group order, who gets what), then confirm. Inputs stay as the text the
 * user typed; every field is checked as it changes and marked once the user tries to confirm.
 */
export function createRecordModel(
  contact: Contact,
  kind: PurchaseKind,
  deps: RecordModelDeps,
  editing?: PurchaseRecord,
) {
  const today = deps.today ?? (() => todayLocal());
  const step = signal<'pick' | 'review'>(editing ? 'review' : 'pick');
  const search = createProductSearch({ loadCatalog: deps.loadCatalog, pick: add });
  const lines = signal<DraftLine[]>(
    editing ? editing.lines.map((line) => draftLineOf(line, deps.locale)) : [],
  );
  const purchaseDate = signal(editing?.purchaseDate ?? today());
  const note = signal(editing?.note ?? '');
  const error = signal<string | null>(null);
  const saving = signal(false);
  /** Set by a confirm attempt: from then on, invalid fields are marked. */
  const attempted = signal(false);
  /**
   * The new order's id, chosen once for this recording: confirming again (a double click, a retry
   * after a failure, the same order sent twice) finds it stored and adds no second one.
   */
  const recordId = crypto.randomUUID();
  /** A future purchase date is recorded only after the user confirms that it is meant. */
  const futureConfirmNeeded = signal(false);
  const split = signal<SplitModel | null>(null);
  const paymentOptions = signal<PaymentOptions | null>(null);
  /** The method the user chose; null: not chosen, so the default (the first, or the edited one). */
  const chosenMethod = signal<string | null>(null);
  /** `Use store credit` as typed; null: not typed, so it follows the default. */
  const creditTyped = signal<string | null>(null);

  const currency = computed(
    (): CurrencyCode | undefined => lines.value[0]?.catalogPrice.currency ?? editing?.currency,
  );
  const check = computed(() =>
    checkOrder(lines.value, purchaseDate.value, currency.value ?? 'USD', {
      today: today(),
      locale: deps.locale,
    }),
  );
  const noteProblem = computed(() => checkNote(note.value));
  const total = computed((): Money | null => {
    const parsed = check.value.lines;
    return parsed && currency.value
      ? sumMoney(
          parsed.map((line) => multiplyMoney(line.unitPrice, line.quantity)),
          currency.value,
        )
      : null;
  });
  /** Line quantities as far as they are valid, for dealing out a group order. */
  const quantities = computed(() =>
    lines.value.map((line) => {
      const quantity = parseQuantity(line.quantityText);
      return { productId: line.productId, quantity: quantity.ok ? quantity.quantity : 0 };
    }),
  );

  // Payment: purchases only (a sample is given), and never store credit on a group order.
  const paid = kind === 'purchase';
  const creditAllowed = computed(() => paid && split.value === null && editing?.groupId === undefined);
  /** The store credit this order used when it was recorded: it is the contact's to use again. */
  const creditHeld = computed((): Money | null => {
    const held = editing?.payment?.storeCredit;
    return held && held.currency === currency.value ? held : null;
  });
  /** The store credit this order can use; null: none, so the field is not offered. */
  const creditAvailable = computed((): Money | null => {
    const code = currency.value;
    if (!creditAllowed.value || !code) return null;
    const balance = paymentOptions.value?.credit.find((money) => money.currency === code)?.minor ?? 0;
    const minor = balance + (creditHeld.value?.minor ?? 0);
    return minor > 0 ? { minor, currency: code } : null;
  });
  const methods = computed((): string[] => {
    if (!paid) return [];
    const offered = [...(paymentOptions.value?.methods ?? [])];
    // An order keeps its method through an edit even after the shop stopped offering it.
    const kept = editing?.payment?.method;
    if (kept && !offered.includes(kept)) offered.push(kept);
    return offered;
  });
  /** The method shown: chosen, or kept from the edited order, or the shop's first. '': none. */
  const method = computed(() => {
    if (!paid) return '';
    if (chosenMethod.value !== null) return chosenMethod.value;
    if (editing) return editing.payment?.method ?? '';
    return paymentOptions.value?.methods[0] ?? '';
  });
  /** `Use store credit` as shown: typed, or the credit the edited order used, or all it can. */
  const creditText = computed(() => {
    if (creditTyped.value !== null) return creditTyped.value;
    const available = creditAvailable.value;
    if (!available) return '';
    if (editing) return creditHeld.value ? formatMoneyInput(creditHeld.value, deps.locale) : '';
    const cover = total.value ? Math.min(available.minor, total.value.minor) : available.minor;
    return formatMoneyInput({ minor: cover, currency: available.currency }, deps.locale);
  });
  const paymentCheck = computed(() =>
    checkPayment({
      method: method.value,
      creditText: creditAvailable.value ? creditText.value : '',
      available: creditAvailable.value,
      total: total.value,
      groupOrder: split.value !== null,
      locale: deps.locale,
    }),
  );

  const ready = Promise.all([
    search.load().then((problem) => {
      if (problem) error.value = problem;
    }),
    paid
      ? deps.loadPaymentOptions(contact.id).then(
          (options) => {
            paymentOptions.value = options;
          },
          (failure: unknown) => {
            error.value = t('record_methods_unloaded', errorMessage(failure));
          },
        )
      : undefined,
  ]).then(() => undefined);

  function add(product: Product) {
    error.value = null;
    if (currency.value && product.price.currency !== currency.value) {
      error.value = t('record_other_currency', product.name, product.price.currency, currency.value);
      return;
    }
    lines.value = withOneMore(lines.value, product.id, () => ({
      productId: product.id,
      sku: product.sku,
      name: product.name,
      catalogPrice: product.price,
      quantityText: '1',
      priceText: formatMoneyInput(defaultPrice({ catalogPrice: product.price }, kind), deps.locale),
    }));
  }

  function updateLine(productId: string, change: Partial<Pick<DraftLine, 'quantityText' | 'priceText'>>) {
    lines.value = withLineChanged(lines.value, productId, change);
  }

  function setPurchaseDate(text: string) {
    purchaseDate.value = text;
    futureConfirmNeeded.value = false;
  }

  function complete() {
    if (lines.value.length === 0) {
      error.value = t('record_add_product');
      return;
    }
    error.value = null;
    step.value = 'review';
  }

  function startSplit() {
    split.value = createSplitModel(contact, quantities, { searchContacts: deps.searchContacts });
  }

  /**
   * Validates every field; on success stores the order (or the group order) and resolves true.
   * `futureDateConfirmed`: the user has said a purchase date after today is meant.
   */
  async function confirm(futureDateConfirmed = false): Promise<boolean> {
    // A second click while the first is being saved: that one decides.
    if (saving.value) return false;
    attempted.value = true;
    error.value = null;
    const code = currency.value;
    const { lines: parsed, dateProblem, future } = check.value;
    if (!code || lines.value.length === 0) {
      error.value = t('record_add_product');
      return false;
    }
    const payment = paymentCheck.value;
    if (!parsed || dateProblem || noteProblem.value || payment.methodProblem || payment.creditProblem) {
      error.value = t('record_fields_need_attention');
      return false;
    }
    const splitProblems = split.value?.problems(parsed) ?? [];
    if (splitProblems.length > 0) {
      error.value = splitProblems.join(' ');
      return false;
    }
    if (future && !futureDateConfirmed) {
      futureConfirmNeeded.value = true;
      return false;
    }
    futureConfirmNeeded.value = false;
    saving.value = true;
    try {
      const trimmedNote = note.value.trim();
      const order = {
        kind,
        purchaseDate: purchaseDate.value,
        currency: code,
        lines: parsed,
        ...(trimmedNote ? { note: trimmedNote } : {}),
        ...(payment.payment ? { payment: payment.payment } : {}),
      };
      const group = split.value;
      const key = editing ? {} : { id: recordId };
      if (group) await deps.saveGroup({ ...order, ...key, shares: group.requests.value });
      else await deps.save({ ...order, ...key, contactId: contact.id });
      return true;
    } catch (failure) {
      error.value = t(editing ? 'record_changes_not_saved' : 'record_order_not_saved', errorMessage(failure));
      return false;
    } finally {
      saving.value = false;
    }
  }

  return {
    contact,
    kind,
    editing: editing ?? null,
    step,
    search,
    lines,
    purchaseDate,
    note,
    error,
    saving,
    attempted,
    futureConfirmNeeded,
    currency,
    check,
    noteProblem,
    total,
    split,
    methods,
    method,
    creditAvailable,
    creditText,
    paymentCheck,
    ready,
    add,
    updateLine,
    removeLine: (productId: string) => (lines.value = withoutLine(lines.value, productId)),
    setPurchaseDate,
    setMethod: (text: string) => (chosenMethod.value = text),
    setCreditText: (text: string) => (creditTyped.value = text),
    complete,
    startSplit,
    stopSplit: () => (split.value = null),
    back: () => (step.value = 'pick'),
    confirm,
  };
}

export type RecordModel = ReturnType<typeof createRecordModel>;

function draftLineOf(line: PurchaseLine, locale: string | undefined): DraftLine {
  return {
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    catalogPrice: line.catalogPrice,
    quantityText: String(line.quantity),
    priceText: formatMoneyInput(line.unitPrice, locale),
  };
}

/** The line's amount, or null while its quantity or price is not valid yet. */
export function lineAmount(line: DraftLine, locale?: string): Money | null {
  const quantity = parseQuantity(line.quantityText);
  const price = parseMoneyInput(line.priceText, line.catalogPrice.currency, locale);
  if (!quantity.ok || !price.ok || !Number.isSafeInteger(price.money.minor * quantity.quantity)) return null;
  return multiplyMoney(price.money, quantity.quantity);
}

/** A new line's unit price: the catalog's, or nothing for a sample, which is given away. */
export function defaultPrice(product: Pick<LineProduct, 'catalogPrice'>, kind: PurchaseKind): Money {
  return kind === 'sample' ? { ...product.catalogPrice, minor: 0 } : product.catalogPrice;
}

/** Whether the user changed the line's unit price from its default (marked beside the line). */
export function priceOverridden(
  line: LineProduct & { priceText: string },
  kind: PurchaseKind,
  locale?: string,
): boolean {
  const price = parseMoneyInput(line.priceText, line.catalogPrice.currency, locale);
  return price.ok && price.money.minor !== defaultPrice(line, kind).minor;
}
