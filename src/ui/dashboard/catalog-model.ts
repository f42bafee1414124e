import { signal } from '@preact/signals';
import {
  catalogDiffKey,
  type CatalogDiff,
  type CatalogEntry,
  type KeepableField,
} from '../../domain/catalog-changes';
import type { TallyDatabase } from '../../db/database';
import {
  addProduct,
  catalogCurrency,
  CatalogChangedError,
  importCatalog,
  previewCatalogImport,
} from '../../db/products';
import { decodeCsvBytes } from '../../csv/decode';
import { t } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
import { readProductsCsv } from '../../csv/products-import';
import type { RowRejection } from '../../csv/rows';
import { createProductFormModel, type ProductFormModel } from '../catalog/product-form-model';
import { failedWith, userAction } from '../user-action';

export interface CatalogDeps {
  db: TallyDatabase;
  /** How prices are read and shown; the browser's when absent. */
  locale?: string;
}

/** A catalog file read and compared with the catalog, waiting for the user to import or cancel. */
export interface CatalogPreview {
  fileName: string;
  encodingNote?: string;
  entries: CatalogEntry[];
  /** Fields the file has no column for: the catalog keeps what it has. */
  keep: KeepableField[];
  rejected: RowRejection[];
  diff: CatalogDiff;
  /** The catalog changed after the first preview of this file; this one is current. */
  refreshed: boolean;
}

/** How many products importing the preview writes: new and updated ones. */
export function productsToWrite(preview: CatalogPreview): number {
  return preview.diff.created.length + preview.diff.updated.length;
}

/**
 * The dashboard's catalog: a CSV import that shows what it would change before writing anything,
 * and products added by hand.
 */
export function createCatalogModel(deps: CatalogDeps) {
  const productCount = signal(0);
  const preview = signal<CatalogPreview | null>(null);
  const adding = signal<ProductFormModel | null>(null);
  const status = signal<string | null>(null);
  const busy = signal(false);
  const error = signal<string | null>(null);

  async function refresh() {
    productCount.value = await deps.db.products.count();
  }

  /** Runs one user action: busy meanwhile, and a failure becomes a message, never a throw. */
  const act = userAction({ busy, error });

  /**
   * Reads a catalog CSV and shows what importing it would do; writes nothing. A file that cannot
   * be read at all says why and leaves any earlier preview closed.
   */
  async function chooseFile(file: File) {
    preview.value = null;
    status.value = null;
    await act(failedWith('dashboard_file_not_read', file.name), async () => {
      const { text, encoding } = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      const read = readProductsCsv(text, { encoding });
      if (!read.ok) {
        error.value = t('dashboard_file_problem', file.name, read.error);
        return;
      }
      const diff = await previewCatalogImport(deps.db, read.products, { keep: read.absentFields });
      preview.value = {
        fileName: file.name,
        ...(read.encodingNote ? { encodingNote: read.encodingNote } : {}),
        entries: read.products,
        keep: read.absentFields,
        rejected: read.rejected,
        diff,
        refreshed: false,
      };
    });
  }

  /**
   * Imports what the preview showed, in one transaction. If the catalog changed since (the
   * sidebar captured a product meanwhile), nothing is written and the preview is shown anew.
   */
  async function confirmImport() {
    const shown = preview.value;
    if (!shown || busy.value) return;
    await act(failedWith('dashboard_file_not_imported', shown.fileName), async () => {
      try {
        const summary = await importCatalog(deps.db, shown.entries, {
          keep: shown.keep,
          expected: catalogDiffKey(shown.diff),
        });
        preview.value = null;
        status.value = t(
          'dashboard_catalog_imported',
          shown.fileName,
          formatCount(summary.created),
          formatCount(summary.updated),
          formatCount(summary.unchanged),
          formatCount(shown.rejected.length),
        );
      } catch (failure) {
        if (!(failure instanceof CatalogChangedError)) throw failure;
        preview.value = { ...shown, diff: failure.diff, refreshed: true };
      }
      await refresh();
    });
  }

  function cancelImport() {
    const shown = preview.value;
    if (!shown) return;
    preview.value = null;
    status.value = t('dashboard_nothing_imported_from', shown.fileName);
  }

  async function startAdding() {
    status.value = null;
    const currency = (await catalogCurrency(deps.db)) ?? 'USD';
    adding.value = createProductFormModel({ currency }, { locale: deps.locale });
  }

  function cancelAdding() {
    adding.value = null;
  }

  /** Saves the product by hand; invalid fields are marked and an existing SKU is left alone. */
  async function saveNewProduct() {
    const form = adding.value;
    const entry = form?.validate();
    if (!form || !entry || busy.value) return;
    await act(failedWith('dashboard_product_not_saved'), async () => {
      const result = await addProduct(deps.db, entry);
      if (result.outcome === 'exists') {
        form.markError('sku', t('dashboard_sku_exists', entry.sku, result.product.name));
        return;
      }
      adding.value = null;
      status.value = t('dashboard_added_to_catalog', result.product.name);
      await refresh();
    });
  }

  return {
    locale: deps.locale,
    productCount,
    preview,
    adding,
    status,
    busy,
    error,
    refresh,
    chooseFile,
    confirmImport,
    cancelImport,
    startAdding,
    cancelAdding,
    saveNewProduct,
  };
}

export type CatalogModel = ReturnType<typeof createCatalogModel>;
