// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { productSearchText, type Product } from '../../../src/domain/product';
import { createProductIndex } from '../../../src/domain/product-search';
import { ProductSearch } from '../../../src/ui/catalog/ProductSearch';
import { createProductSearch, type ProductSearchDeps } from '../../../src/ui/catalog/product-search-model';

/** The one product search of the record screen and the purchase order, as a keyboard user meets it. */

const stamp = '2026-01-01T00:00:00.000Z';
function product(sku: string, name: string, extra: Partial<Product> = {}): Product {
  return {
    id: crypto.randomUUID(),
    sku,
    name,
    price: { minor: 1250, currency: 'USD' },
    extra: {},
    searchText: productSearchText({ sku, name }),
    createdAt: stamp,
    updatedAt: stamp,
    ...extra,
  };
}
const creams = [
  product('NW-1', 'Hand Cream'),
  product('NW-2', 'Foot Cream'),
  product('BB-1', 'Used Cream Pot', { oneTime: true }),
];

async function loaded(products: Product[], deps: Partial<ProductSearchDeps> = {}) {
  const picked: string[] = [];
  const search = createProductSearch({
    loadCatalog: async () => createProductIndex(products),
    pick: (one) => void picked.push(one.name),
    ...deps,
  });
  expect(await search.load()).toBeNull();
  return { search, picked };
}

describe('product search model', () => {
  it('moves the highlight round the results, starts again at the top on each keystroke, picks it', async () => {
    const { search, picked } = await loaded(creams);
    search.setQuery('cream');
    expect(search.results.value).toHaveLength(3);
    search.moveHighlight(-1);
    expect(search.highlighted.value).toBe(2);
    search.moveHighlight(1);
    expect(search.highlighted.value).toBe(0);
    search.moveHighlight(1);
    const second = search.results.value[1]!.name;
    search.pickHighlighted();
    search.setQuery('cream ');
    expect(search.highlighted.value).toBe(0);
    search.setQuery('nothing like it');
    search.moveHighlight(1);
    search.pickHighlighted();
    expect(picked).toEqual([second]);
  });

  it('offers only the products its screen allows', async () => {
    const { search } = await loaded(creams, { offers: (one) => one.oneTime !== true });
    search.setQuery('cream');
    expect(search.results.value.map((one) => one.sku).sort()).toEqual(['NW-1', 'NW-2']);
  });

  it('loads the catalog once, and says when it could not', async () => {
    let loads = 0;
    const { search } = await loaded(creams, {
      loadCatalog: async () => {
        loads += 1;
        return createProductIndex(creams);
      },
    });
    expect(await search.load()).toBeNull();
    expect(loads).toBe(1);
    const failing = createProductSearch({
      loadCatalog: () => Promise.reject(new Error('disk full')),
      pick: () => undefined,
    });
    expect(await failing.load()).toBe('The catalog could not be loaded: disk full');
    expect(failing.results.value).toEqual([]);
  });
});

describe('ProductSearch', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const input = () => root.querySelector<HTMLInputElement>('input[aria-label="Search products"]')!;
  const options = () => [
    ...root.querySelectorAll('[role=listbox][aria-label="Products found"] [role=option]'),
  ];
  const press = (key: string) =>
    act(() => void input().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));

  it('types, arrows and Enter: the highlighted option is the one the input points at', async () => {
    const { search, picked } = await loaded(creams);
    act(() =>
      render(<ProductSearch search={search} id="po-product" emptyCatalogText="Empty." focus />, root),
    );
    expect(document.activeElement).toBe(input());
    act(() => {
      input().value = 'cream';
      input().dispatchEvent(new Event('input', { bubbles: true }));
    });
    press('ArrowDown');
    const selected = options().filter((option) => option.getAttribute('aria-selected') === 'true');
    expect(selected).toHaveLength(1);
    expect(input().getAttribute('aria-activedescendant')).toBe(selected[0]!.id);
    press('Enter');
    expect(picked).toEqual([selected[0]!.querySelector('span')?.textContent]);
    act(() => (options()[0] as HTMLElement).click());
    expect(picked).toHaveLength(2);
    // The retail price only where the screen asks for it (a purchase order's lines are costs).
    expect(root.textContent).not.toContain('$12.50');
    expect(root.textContent).not.toContain('Empty.');
  });

  it('shows prices when asked, and what to do about an empty catalog', async () => {
    const { search } = await loaded(creams);
    act(() =>
      render(<ProductSearch search={search} id="product" emptyCatalogText="Empty." showPrice />, root),
    );
    act(() => search.setQuery('hand'));
    expect(options().map((option) => option.textContent)).toEqual(['Hand Cream NW-1 $12.50']);
    const empty = await loaded([]);
    act(() => render(<ProductSearch search={empty.search} id="product" emptyCatalogText="Empty." />, root));
    expect(root.textContent).toContain('Empty.');
  });
});
