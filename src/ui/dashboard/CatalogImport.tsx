import { describeUpdate } from '../../domain/catalog-changes';
import { t, tPlural } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
import { ErrorMessage } from '../ErrorMessage';
import { StatusMessage } from '../StatusMessage';
import { FileButton } from '../FileButton';
import { ProductFields } from '../catalog/ProductFields';
import type { ProductFormModel } from '../catalog/product-form-model';
import { productsToWrite, type CatalogModel, type CatalogPreview } from './catalog-model';

// Long lists scroll inside the card; each keeps every row, so nothing is hidden from the user.
const scrolling = { maxHeight: '16rem', overflowY: 'auto' } as const;

/**
 * The catalog: import from a back office's product CSV (a preview first; re-importing updates by
 * SKU) and add a product by hand.
 */
export function CatalogImport(props: { model: CatalogModel }) {
  const { model } = props;
  const preview = model.preview.value;
  const adding = model.adding.value;
  return (
    <section aria-labelledby="catalog-heading" class="card">
      <h2 id="catalog-heading">{t('dashboard_catalog')}</h2>
      <p class="muted">{tPlural('dashboard_product_count', model.productCount.value)}</p>
      <div class="actions">
        <FileButton
          accept=".csv,text/csv"
          disabled={model.busy.value}
          onFile={(file) => void model.chooseFile(file)}
        >
          {t('dashboard_import_catalog')}
        </FileButton>
        {adding ? null : (
          <button type="button" class="secondary" onClick={() => void model.startAdding()}>
            {t('dashboard_add_product')}
          </button>
        )}
      </div>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      {preview ? <ImportPreview model={model} preview={preview} /> : null}
      {adding ? <AddProductForm model={model} form={adding} /> : null}
    </section>
  );
}

function ImportPreview(props: { model: CatalogModel; preview: CatalogPreview }) {
  const { model, preview } = props;
  const { created, updated, unchanged } = preview.diff;
  const toWrite = productsToWrite(preview);
  return (
    <section aria-labelledby="import-preview-heading" class="preview">
      <h3 id="import-preview-heading">{t('dashboard_import_preview', preview.fileName)}</h3>
      {preview.refreshed ? <p class="notice">{t('dashboard_catalog_changed')}</p> : null}
      {preview.encodingNote ? <p class="muted">{preview.encodingNote}</p> : null}
      <p role="status">
        {t(
          'dashboard_catalog_counts',
          formatCount(created.length),
          formatCount(updated.length),
          formatCount(unchanged.length),
          formatCount(preview.rejected.length),
        )}
      </p>
      {updated.length > 0 ? (
        <>
          <h4 id="import-changes-heading">{t('dashboard_changes')}</h4>
          <ul aria-labelledby="import-changes-heading" tabIndex={0} style={scrolling}>
            {updated.map((update) => (
              <li key={update.before.id}>{describeUpdate(update, model.locale)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {preview.rejected.length > 0 ? (
        <>
          <h4 id="import-rejected-heading">
            {tPlural('dashboard_rejected_heading', preview.rejected.length)}
          </h4>
          <ul aria-label={t('dashboard_rejected_rows')} tabIndex={0} style={scrolling}>
            {preview.rejected.map((row) => (
              <li key={row.line}>{t('dashboard_row_line', String(row.line), row.reason)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {toWrite === 0 ? <p>{nothingToImport(preview)}</p> : null}
      <div class="actions">
        {toWrite > 0 ? (
          <button type="button" disabled={model.busy.value} onClick={() => void model.confirmImport()}>
            {tPlural('dashboard_import_products', toWrite)}
          </button>
        ) : null}
        <button type="button" class="secondary" disabled={model.busy.value} onClick={model.cancelImport}>
          {toWrite > 0 ? t('dashboard_cancel') : t('dashboard_close')}
        </button>
      </div>
    </section>
  );
}

function nothingToImport(preview: CatalogPreview): string {
  if (preview.entries.length === 0) return t('dashboard_no_usable_rows');
  return t('dashboard_catalog_up_to_date');
}

function AddProductForm(props: { model: CatalogModel; form: ProductFormModel }) {
  const { model, form } = props;
  return (
    <form
      aria-labelledby="add-product-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void model.saveNewProduct();
      }}
    >
      <h3 id="add-product-heading">{t('dashboard_new_product')}</h3>
      <ProductFields model={form} idPrefix="add-product" />
      <div class="actions">
        <button type="submit" disabled={model.busy.value}>
          {t('dashboard_save_product')}
        </button>
        <button type="button" class="secondary" onClick={model.cancelAdding}>
          {t('dashboard_cancel')}
        </button>
      </div>
    </form>
  );
}
