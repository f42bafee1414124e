import { describeChange } from '../../domain/catalog-changes';
import { t } from '../../domain/i18n';
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
            {t('catalog_capture_product')}
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
      <h2 id="capture-product-heading">{t('catalog_product_on_page')}</h2>
      <p class="muted">
        {existing ? t('catalog_existing', existing.sku, existing.name) : t('catalog_check_then_add')}
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
            <h3 id="capture-changes-heading">{t('catalog_what_would_change')}</h3>
            <ul aria-labelledby="capture-changes-heading">
              {changes.map((change, index) => (
                <li key={index}>{describeChange(change, props.locale)}</li>
              ))}
            </ul>
          </>
        ) : (
          <p class="muted">{t('catalog_already_as_is')}</p>
        )
      ) : null}
      <ErrorMessage message={model.error.value} />
      <div class="actions">
        <button type="submit" disabled={model.busy.value}>
          {existing ? t('catalog_update') : t('catalog_add')}
        </button>
        <button type="button" class="secondary" onClick={model.cancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
