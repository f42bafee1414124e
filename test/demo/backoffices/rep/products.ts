/** Catalog list and product detail. */
import { html } from '../../html';
import { formatUsd } from '../../money';
import { paginate, pagerNav } from '../../paging';
import { requestedPage } from '../../backoffice';
import type { DemoProduct } from '../../seed';
import type { DemoStore } from '../../store';
import { repPage } from './layout';

export function productPath(sku: string): string {
  return `/rep/products/${encodeURIComponent(sku)}`;
}

export function productListPage(url: URL, data: DemoStore): string {
  const page = paginate(data.products, requestedPage(url));
  return repPage({
    title: 'Products',
    section: 'products',
    content: html`<main class="list-page products-list">
      <h1>Products</h1>
      <div class="toolbar">
        <a class="button secondary" href="/rep/export/products.csv" download>Export products (CSV)</a>
      </div>
      <table class="products-table">
        <thead>
          <tr>
            <th>SKU</th>
            <th>Name</th>
            <th>Category</th>
            <th class="num">Price</th>
            <th>Barcode</th>
          </tr>
        </thead>
        <tbody>
          ${page.items.map(
            (product) =>
              html`<tr>
                <td>${product.sku}</td>
                <td><a href="${productPath(product.sku)}">${product.name}</a></td>
                <td>${product.category}</td>
                <td class="num">${formatUsd(product.priceMinor)}</td>
                <td>${product.barcode}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${pagerNav(url, page, 'products')}
    </main>`,
  });
}

export function productDetailPage(product: DemoProduct): string {
  return repPage({
    title: product.name,
    section: 'products',
    breadcrumbs: html`<a href="/rep/products">Products</a> › ${product.sku}`,
    content: html`<main class="product-detail" data-sku="${product.sku}">
      <h1 class="product-name">${product.name}</h1>
      <dl class="product-fields">
        <dt>SKU</dt>
        <dd class="product-sku">${product.sku}</dd>
        <dt>Category</dt>
        <dd class="product-category">${product.category}</dd>
        <dt>Price</dt>
        <dd
          class="product-price"
          data-price-minor="${product.priceMinor}"
          data-currency="${product.currency}"
        >
          ${formatUsd(product.priceMinor)}
        </dd>
        <dt>Barcode</dt>
        <dd class="product-barcode">${product.barcode}</dd>
      </dl>
    </main>`,
  });
}
