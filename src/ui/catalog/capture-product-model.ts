import { computed, signal } from '@preact/signals';
import { diffCatalog, type CatalogEntry, type ProductChange } from '../../domain/catalog-changes';
import { errorMessage } from '../../domain/errors';
import { t, type MessageKey } from '../../domain/i18n';
import type { CurrencyCode } from '../../domain/money';
import { formatMoneyInput } from '../../domain/money-input';
import type { Product } from '../../domain/product';
import type { ProductSnapshot, ResponseOf } from '../../messaging/protocol';
import { createProductFormModel, type ProductFormModel, type ProductFormValues } from './product-form-model';

export type SaveOutcome = 'added' | 'updated' | 'unchanged';

export interface CaptureProductDeps {
  /** Reads the product on the page beside the sidebar (the worker checks what the page gave). */
  readPage(): Promise<ResponseOf<'product.readPage'>>;
  findProduct(sku: string): Promise<Product | undefined>;
  save(entry: CatalogEntry): Promise<SaveOutcome>;
  /** The currency a price without one is in: the catalog's usual one. */
  defaultCurrency(): Promise<CurrencyCode>;
  locale?: string;
}

const OUTCOME_TEXT: Record<SaveOutcome, MessageKey> = {
  added: 'catalog_outcome_added',
  updated: 'catalog_outcome_updated',
  unchanged: 'catalog_outcome_unchanged',
};

/**
 * `Capture product` in the sidebar: read the product on the page, let the user check and edit
 * it, then add it to the catalog or update the product with its SKU, saying what would change.
 */
export function createCaptureProductModel(deps: CaptureProductDeps) {
  const reading = signal(false);
  const form = signal<ProductFormModel | null>(null);
  /** The catalog's product with the form's SKU, if any. */
  const existing = signal<Product | null>(null);
  /** Why the page gave no product. */
  const message = signal<string | null>(null);
  const status = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  let lookups = 0;

  /** What saving would change in the existing product; null when new or the form is incomplete. */
  const changes = computed<ProductChange[] | null>(() => {
    const before = existing.value;
    const entry = form.value?.current.value.entry;
    if (!before || !entry || before.sku !== entry.sku) return null;
    const diff = diffCatalog([before], [entry]);
    return diff.updated[0]?.changes ?? [];
  });

  async function start() {
    if (reading.value) return;
    reading.value = true;
    message.value = null;
    status.value = null;
    error.value = null;
    try {
      const reply = await deps.readPage();
      if (reply.product === null) {
        message.value = reply.reason;
        return;
      }
      const found = reply.product.sku ? await deps.findProduct(reply.product.sku) : undefined;
      existing.value = found ?? null;
      form.value = createProductFormModel(await prefill(reply.product, found), { locale: deps.locale });
    } catch (failure) {
      error.value = t('catalog_page_unreadable', errorMessage(failure));
    } finally {
      reading.value = false;
    }
  }

  /** The page's fields; what the page does not show comes from the catalog's product, if any. */
  async function prefill(page: ProductSnapshot, stored: Product | undefined): Promise<ProductFormValues> {
    const price = page.price ?? stored?.price;
    return {
      sku: page.sku ?? '',
      name: page.name,
      price: price ? formatMoneyInput(price, deps.locale) : '',
      currency: price?.currency ?? (await deps.defaultCurrency()),
      category: page.category ?? stored?.category ?? '',
      barcode: page.barcode ?? stored?.barcode ?? '',
    };
  }

  /** The user changed the SKU: is that one in the catalog? */
  async function lookUpSku() {
    const current = form.value;
    if (!current) return;
    const mine = ++lookups;
    const sku = current.values.sku.value.trim();
    const found = sku === '' ? undefined : await deps.findProduct(sku);
    if (mine === lookups) existing.value = found ?? null;
  }

  async function save() {
    const current = form.value;
    const entry = current?.validate();
    if (!current || !entry || busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      // The SKU was edited and not looked up yet: show what saving would do before doing it.
      const stored = (await deps.findProduct(entry.sku)) ?? null;
      if (stored?.id !== existing.value?.id) {
        existing.value = stored;
        return;
      }
      const outcome = await deps.save(entry);
      form.value = null;
      existing.value = null;
      status.value = t('catalog_outcome_notice', t(OUTCOME_TEXT[outcome]), entry.name);
    } catch (failure) {
      error.value = t('catalog_product_not_saved', errorMessage(failure));
    } finally {
      busy.value = false;
    }
  }

  function cancel() {
    form.value = null;
    existing.value = null;
  }

  /** Forgets everything about the page it read: the sidebar moved on to another page. */
  function reset() {
    cancel();
    message.value = null;
    status.value = null;
    error.value = null;
  }

  return {
    reading,
    form,
    existing,
    changes,
    message,
    status,
    error,
    busy,
    start,
    lookUpSku,
    save,
    cancel,
    reset,
  };
}

export type CaptureProductModel = ReturnType<typeof createCaptureProductModel>;
