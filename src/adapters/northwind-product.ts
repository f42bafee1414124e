import { pageText, type ProductReader } from './product-reader';

/**
 * Northwind Direct's product page (the demo's /rep/products/<sku>): a detail container carrying
 * the SKU, and the price in minor units with its currency as data attributes beside the
 * formatted price people read.
 */
export const northwindProduct: ProductReader = {
  id: 'northwind',
  name: 'Northwind Direct',
  examples: ['http://127.0.0.1:5178/rep/products/NW-1001', 'https://northwind.example/rep/products/NW-7'],
  matches: (url) => /\/products\/[^/]+\/?$/.test(url.pathname),
  detect: (doc) => doc.querySelector('main.product-detail[data-sku]') !== null,
  read(doc) {
    const main = doc.querySelector('main.product-detail[data-sku]');
    if (!main) return null;
    const text = (selector: string) => pageText(main.querySelector(selector)?.textContent);
    const price = main.querySelector('.product-price');
    return {
      reader: 'northwind',
      sku: pageText(main.getAttribute('data-sku')) ?? text('.product-sku'),
      name: text('.product-name'),
      priceMinor: pageText(price?.getAttribute('data-price-minor')),
      currency: pageText(price?.getAttribute('data-currency')),
      barcode: text('.product-barcode'),
      category: text('.product-category'),
    };
  },
};
