import { computed, signal } from '@preact/signals';
import type { Contact } from '../../domain/contact';
import { todayLocal } from '../../domain/dates';
import {
  formatDecimalAmount,
  multiplyMoney,
  parseDecimalAmount,
  sumMoney,
  type Money,
} from '../../domain/money';
import type { Product } from '../../domain/product';
import { searchProducts } from '../../domain/product-search';
import type { PurchaseKind } from '../../domain/purchase';
import type { PurchaseDraft } from '../../db/purchases';
import { errorMessage } from '../../domain/errors';

export interface DraftLine {
  product: Product;
  quantityText: string;
  priceText: string;
}

export interface RecordModelDeps {
  loadCatalog(): Promise<Product[]>;
  save(draft: PurchaseDraft): Promise<void>;
}

/**
 * One purchase or sample being recorded: pick products, then review date, quantities and prices,
 * then confirm. Inputs stay as the text the user typed until confirm, which validates them all.
 */
export function createRecordModel(contact: Contact, kind: PurchaseKind, deps: RecordModelDeps) {
  const step = signal<'pick' | 'review'>('pick');
  const catalog = signal<Product[] | null>(null);
  const query = signal('');
  const highlighted = signal(0);
  const lines = signal<DraftLine[]>([]);
  const purchaseDate = signal(todayLocal());
  const note = signal('');
  const error = signal<string | null>(null);
  const saving = signal(false);

  const results = computed(() => (catalog.value ? searchProducts(catalog.value, query.value) : []));
  const currency = computed(() => lines.value[0]?.product.price.currency);
  const total = computed((): Money | null => {
    const code = currency.value;
    if (!code) return null;
    const amounts = lines.value.map((line) => lineAmount(line));
    return amounts.every((amount) => amount !== null) ? sumMoney(amounts, code) : null;
  });

  const ready = deps.loadCatalog().then(
    (products) => {
      catalog.value = products;
    },
    (failure: unknown) => {
      error.value = `The catalog could not be loaded: ${errorMessage(failure)}`;
    },
  );

  function setQuery(text: string) {
    query.value = text;
    highlighted.value = 0;
  }

  function add(product: Product) {
    error.value = null;
    if (currency.value && product.price.currency !== currency.value) {
      error.value = `${product.name} is priced in ${product.price.currency}; this order is in ${currency.value}.`;
      return;
    }
    const index = lines.value.findIndex((line) => line.product.id === product.id);
    if (index >= 0) {
      // The same product twice is one line with a larger quantity.
      lines.value = lines.value.map((line, i) =>
        i === index ? { ...line, quantityText: String((Number(line.quantityText) || 0) + 1) } : line,
      );
    } else {
      const priceText =
        kind === 'sample'
          ? formatDecimalAmount({ ...product.price, minor: 0 })
          : formatDecimalAmount(product.price);
      lines.value = [...lines.value, { product, quantityText: '1', priceText }];
    }
  }

  function addHighlighted() {
    const product = results.value[highlighted.value];
    if (product) add(product);
  }

  function moveHighlight(delta: number) {
    const count = results.value.length;
    if (count > 0) highlighted.value = (highlighted.value + delta + count) % count;
  }

  function updateLine(productId: string, change: Partial<Pick<DraftLine, 'quantityText' | 'priceText'>>) {
    lines.value = lines.value.map((line) => (line.product.id === productId ? { ...line, ...change } : line));
  }

  function removeLine(productId: string) {
    lines.value = lines.value.filter((line) => line.product.id !== productId);
  }

  function complete() {
    if (lines.value.length === 0) {
      error.value = 'Add at least one product.';
      return;
    }
    error.value = null;
    step.value = 'review';
  }

  /** Validates every field; on success stores the order and resolves true. */
  async function confirm(): Promise<boolean> {
    const code = currency.value;
    if (!code || lines.value.length === 0) {
      error.value = 'Add at least one product.';
      return false;
    }
    const problems: string[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(purchaseDate.value)) problems.push('Purchase date must be a date.');
    const draftLines = lines.value.map((line) => {
      const quantity = Number(line.quantityText);
      const unitPrice = parseDecimalAmount(line.priceText, code);
      if (!Number.isInteger(quantity) || quantity < 1) {
        problems.push(`Quantity of ${line.product.name} must be a whole number of 1 or more.`);
      }
      if (!unitPrice || unitPrice.minor < 0) {
        problems.push(`Price of ${line.product.name} must be an amount such as 12.50.`);
      }
      return {
        productId: line.product.id,
        sku: line.product.sku,
        name: line.product.name,
        quantity,
        unitPrice: unitPrice ?? line.product.price,
        catalogPrice: line.product.price,
      };
    });
    if (problems.length > 0) {
      error.value = problems.join(' ');
      return false;
    }
    saving.value = true;
    try {
      const trimmedNote = note.value.trim();
      await deps.save({
        contactId: contact.id,
        kind,
        purchaseDate: purchaseDate.value,
        currency: code,
        lines: draftLines,
        ...(trimmedNote ? { note: trimmedNote } : {}),
      });
      return true;
    } catch (failure) {
      error.value = `The order was not saved: ${errorMessage(failure)}`;
      return false;
    } finally {
      saving.value = false;
    }
  }

  return {
    contact,
    kind,
    step,
    catalog,
    query,
    results,
    highlighted,
    lines,
    purchaseDate,
    note,
    error,
    saving,
    currency,
    total,
    ready,
    setQuery,
    add,
    addHighlighted,
    moveHighlight,
    updateLine,
    removeLine,
    complete,
    back: () => (step.value = 'pick'),
    confirm,
  };
}

export type RecordModel = ReturnType<typeof createRecordModel>;

/** The line's amount, or null while its quantity or price is not valid yet. */
export function lineAmount(line: DraftLine): Money | null {
  const quantity = Number(line.quantityText);
  const price = parseDecimalAmount(line.priceText, line.product.price.currency);
  if (!price || !Number.isInteger(quantity) || quantity < 1) return null;
  return multiplyMoney(price, quantity);
}

/** Whether the user changed the line's unit price from the catalog's (shown beside the line). */
export function priceOverridden(line: DraftLine): boolean {
  const price = parseDecimalAmount(line.priceText, line.product.price.currency);
  return price !== null && price.minor !== line.product.price.minor;
}
