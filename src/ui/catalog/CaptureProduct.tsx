import { describeChange } from '../../domain/catalog-changes';
import { ErrorMessage } from '../ErrorMessage';
import { ProductFields } from './ProductFields';
import type { CaptureProductModel } from './capture-product-model';

/**
 * `Capture product` beside a back-office page with no customer: the product the page shows, in a
 * form the user checks, then added to the catalog or updating the product with that SKU.
 */
export function CaptureProduct(props: { model: CaptureProductModel; locale?: string }) {
  const { model } = props;
  const form = model.form.value;
  if (!form) {
    return (
      <div class="capture-product">
        <div class="actions">
          <button
            type="button"
            class="secondary"
            disabled={model.reading.value}
            onClick={() => void model.start()}
          >
            Capture product
          </button>
        </div>
        {model.message.value ? (
          <p class="muted" role="status">
            {model.message.value}
          </p>
        ) : null}
        {model.status.value ? (
          <p role="status" class="notice">
            {model.status.value}
          </p>
        ) : null}
        <ErrorMessage message={model.error.value} />
      </div>
    );
  }
  const existing = model.existing.value;
  const changes = model.changes.value;
  return (
    <form
      class="capture-product"
      aria-labelledby="capture-product-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void model.save();
      }}
    >
      <h2 id="capture-product-heading">Product on this page</h2>
      <p class="muted">
        {existing
          ? `${existing.sku} is in the catalog as ${existing.name}.`
          : 'Check what Tally read, then add it to the catalog.'}
      </p>
      <ProductFields
        model={form}
        idPrefix="capture-product"
        onCommit={(field) => {
          if (field === 'sku') void model.lookUpSku();
        }}
      />
      {existing && changes ? (
        changes.length > 0 ? (
          <>
            <h3 id="capture-changes-heading">What would change</h3>
            <ul aria-labelledby="capture-changes-heading">
              {changes.map((change, index) => (
                <li key={index}>{describeChange(change, props.locale)}</li>
              ))}
            </ul>
          </>
        ) : (
          <p class="muted">The catalog already has this product as it is.</p>
        )
      ) : null}
      <ErrorMessage message={model.error.value} />
      <div class="actions">
        <button type="submit" disabled={model.busy.value}>
          {existing ? 'Update catalog' : 'Add to catalog'}
        </button>
        <button type="button" class="secondary" onClick={model.cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
