import { describeUpdate } from '../../domain/catalog-changes';
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
      <h2 id="catalog-heading">Catalog</h2>
      <p class="muted">{model.productCount.value} products.</p>
      <div class="actions">
        <FileButton
          accept=".csv,text/csv"
          disabled={model.busy.value}
          onFile={(file) => void model.chooseFile(file)}
        >
          Import catalog
        </FileButton>
        {adding ? null : (
          <button type="button" class="secondary" onClick={() => void model.startAdding()}>
            Add product
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
      <h3 id="import-preview-heading">Import preview: {preview.fileName}</h3>
      {preview.refreshed ? (
        <p class="notice">The catalog changed since the first preview. This is what importing does now.</p>
      ) : null}
      {preview.encodingNote ? <p class="muted">{preview.encodingNote}</p> : null}
      <p role="status">
        {created.length} new, {updated.length} updated, {unchanged.length} unchanged,{' '}
        {preview.rejected.length} rejected.
      </p>
      {updated.length > 0 ? (
        <>
          <h4 id="import-changes-heading">Changes</h4>
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
            Rejected rows: {preview.rejected.length === 1 ? 'this row is' : 'these rows are'} not imported
          </h4>
          <ul aria-label="Rejected rows" tabIndex={0} style={scrolling}>
            {preview.rejected.map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {toWrite === 0 ? <p>{nothingToImport(preview)}</p> : null}
      <div class="actions">
        {toWrite > 0 ? (
          <button type="button" disabled={model.busy.value} onClick={() => void model.confirmImport()}>
            Import {toWrite} {toWrite === 1 ? 'product' : 'products'}
          </button>
        ) : null}
        <button type="button" class="secondary" disabled={model.busy.value} onClick={model.cancelImport}>
          {toWrite > 0 ? 'Cancel' : 'Close'}
        </button>
      </div>
    </section>
  );
}

function nothingToImport(preview: CatalogPreview): string {
  if (preview.entries.length === 0) return 'Nothing to import: the file has no usable rows.';
  return 'Nothing to import: the catalog already has every product in this file as it is.';
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
      <h3 id="add-product-heading">New product</h3>
      <ProductFields model={form} idPrefix="add-product" />
      <div class="actions">
        <button type="submit" disabled={model.busy.value}>
          Save product
        </button>
        <button type="button" class="secondary" onClick={model.cancelAdding}>
          Cancel
        </button>
      </div>
    </form>
  );
}
