import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { ProductSearch } from '../catalog/ProductSearch';
import type { RecordModel } from './record-model';

/** Search the catalog and add products, by keyboard (type, arrows, Enter) or mouse. */
export function ProductPicker(props: { model: RecordModel; onCancel: () => void }) {
  const { model } = props;
  return (
    <section aria-labelledby="pick-heading" class="card">
      <h2 id="pick-heading">
        {model.editing
          ? t('record_add_products')
          : model.kind === 'sample'
            ? t('record_record_sample')
            : t('record_record_purchase')}
      </h2>
      <p class="muted">{t('record_for_contact', model.contact.name)}</p>
      <ProductSearch
        search={model.search}
        id="product"
        emptyCatalogText={t('record_catalog_empty')}
        showPrice
        focus
      />
      <h3 id="cart-heading">{t('record_added')}</h3>
      {model.lines.value.length === 0 ? (
        <p class="muted">{t('record_no_products')}</p>
      ) : (
        <ul aria-labelledby="cart-heading" class="cart">
          {model.lines.value.map((line) => (
            <li key={line.productId}>
              {line.quantityText} × {line.name}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage message={model.error.value} />
      <div class="actions">
        <button type="button" onClick={props.onCancel} class="secondary">
          {t('common_cancel')}
        </button>
        <button type="button" onClick={() => model.complete()} disabled={model.lines.value.length === 0}>
          {t('record_complete')}
        </button>
      </div>
    </section>
  );
}
