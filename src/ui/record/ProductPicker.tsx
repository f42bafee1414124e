import { ErrorMessage } from '../ErrorMessage';
import { ProductSearch } from '../catalog/ProductSearch';
import type { RecordModel } from './record-model';

/** Search the catalog and add products, by keyboard (type, arrows, Enter) or mouse. */
export function ProductPicker(props: { model: RecordModel; onCancel: () => void }) {
  const { model } = props;
  return (
    <section aria-labelledby="pick-heading" class="card">
      <h2 id="pick-heading">
        {model.editing ? 'Add products' : model.kind === 'sample' ? 'Record sample' : 'Record purchase'}
      </h2>
      <p class="muted">For {model.contact.name}</p>
      <ProductSearch
        search={model.search}
        id="product"
        emptyCatalogText="The catalog is empty: import it from the Tally dashboard."
        showPrice
        focus
      />
      <h3 id="cart-heading">Added</h3>
      {model.lines.value.length === 0 ? (
        <p class="muted">No products yet.</p>
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
          Cancel
        </button>
        <button type="button" onClick={() => model.complete()} disabled={model.lines.value.length === 0}>
          Complete record
        </button>
      </div>
    </section>
  );
}
