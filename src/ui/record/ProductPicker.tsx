import { useLayoutEffect, useRef } from 'preact/hooks';
import { ErrorMessage } from '../ErrorMessage';
import { formatMoney } from '../../domain/money';
import type { RecordModel } from './record-model';

/** Search the catalog and add products, by keyboard (type, arrows, Enter) or mouse. */
export function ProductPicker(props: { model: RecordModel; onCancel: () => void }) {
  const { model } = props;
  // `autofocus` works once per document; a keyboard user lands in the search every time
  // (before the screen is drawn, so never after the user clicked elsewhere).
  const searchRef = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => searchRef.current?.focus(), []);
  const results = model.results.value;
  const listId = 'product-results';
  const activeId = results[model.highlighted.value] ? `product-${model.highlighted.value}` : undefined;
  return (
    <section aria-labelledby="pick-heading" class="card">
      <h2 id="pick-heading">
        {model.editing ? 'Add products' : model.kind === 'sample' ? 'Record sample' : 'Record purchase'}
      </h2>
      <p class="muted">For {model.contact.name}</p>
      <input
        type="search"
        aria-label="Search products"
        placeholder="Search products by name or SKU"
        aria-controls={listId}
        aria-activedescendant={activeId}
        ref={searchRef}
        value={model.query.value}
        onInput={(event) => model.setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') model.moveHighlight(1);
          else if (event.key === 'ArrowUp') model.moveHighlight(-1);
          else if (event.key === 'Enter') model.addHighlighted();
          else return;
          event.preventDefault();
        }}
      />
      {model.catalog.value?.size === 0 ? (
        <p class="muted">The catalog is empty: import it from the Tally dashboard.</p>
      ) : null}
      <ul id={listId} role="listbox" aria-label="Products found" class="results">
        {results.map((product, index) => (
          <li
            key={product.id}
            id={`product-${index}`}
            role="option"
            aria-selected={index === model.highlighted.value}
            onClick={() => model.add(product)}
          >
            <span>{product.name}</span> <span class="muted">{product.sku}</span>{' '}
            <span class="amount">{formatMoney(product.price)}</span>
          </li>
        ))}
      </ul>
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
