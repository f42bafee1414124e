import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../domain/i18n';
import { formatMoney } from '../../domain/money';
import type { ProductSearchModel } from './product-search-model';

/**
 * `Search products` and the `Products found` below it: type, then arrows and Enter, or a click.
 * `id` names the list (`<id>-results`) and its options (`<id>-<n>`), unique on the page.
 */
export function ProductSearch(props: {
  search: ProductSearchModel;
  id: string;
  /** What to do when the catalog has no product at all. */
  emptyCatalogText: string;
  /** The catalog price beside each product (not where the order's prices are costs). */
  showPrice?: boolean;
  /** Whether the search takes the focus when it appears. */
  focus?: boolean;
}) {
  const { search, id } = props;
  // `autofocus` works once per document; a keyboard user lands in the search every time
  // (before the screen is drawn, so never after the user clicked elsewhere).
  const searchRef = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (props.focus) searchRef.current?.focus();
  }, []);
  const results = search.results.value;
  const highlighted = search.highlighted.value;
  const listId = `${id}-results`;
  // The focus stays in the search: bring the option the arrows reach into view.
  useLayoutEffect(() => {
    document.getElementById(`${id}-${highlighted}`)?.scrollIntoView({ block: 'nearest' });
  }, [id, highlighted]);
  return (
    <>
      <input
        type="search"
        aria-label={t('catalog_search_products')}
        placeholder={t('catalog_search_placeholder')}
        aria-controls={listId}
        aria-activedescendant={results[highlighted] ? `${id}-${highlighted}` : undefined}
        ref={searchRef}
        value={search.query.value}
        onInput={(event) => search.setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') search.moveHighlight(1);
          else if (event.key === 'ArrowUp') search.moveHighlight(-1);
          else if (event.key === 'Enter') search.pickHighlighted();
          else return;
          event.preventDefault();
        }}
      />
      {search.catalog.value?.size === 0 ? <p class="muted">{props.emptyCatalogText}</p> : null}
      <ul id={listId} role="listbox" aria-label={t('catalog_products_found')} class="results">
        {results.map((product, index) => (
          <li
            key={product.id}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === highlighted}
            onClick={() => search.pick(product)}
          >
            <span>{product.name}</span> <span class="muted">{product.sku}</span>
            {props.showPrice ? (
              <>
                {' '}
                <span class="amount">{formatMoney(product.price)}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
