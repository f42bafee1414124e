// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { northwindProduct } from '../../../src/adapters/northwind-product';
import { PAGE_TEXT_LIMIT, type PageProduct } from '../../../src/adapters/product-reader';
import { productReaders, readPageProduct } from '../../../src/adapters/product-readers';
import { schemaOrgProduct } from '../../../src/adapters/schema-org-product';
import { checkPageProduct } from '../../../src/messaging/product-handlers';

/**
 * Product readers on pages: the demo back office's own pages as Chromium rendered them
 * (test/fixtures/adapters), and schema.org markup written out here. Each page yields its product
 * or nothing; the worker's check (checkPageProduct) then decides what the sidebar may show.
 */

const FIXTURES = join(import.meta.dirname, '../../fixtures/adapters');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const read = (html: string, url = 'https://shop.example/p/1') => readPageProduct(parse(html), new URL(url));

const jsonLd = (...blocks: unknown[]) =>
  `<html><head>${blocks
    .map(
      (block) =>
        `<script type="application/ld+json">${typeof block === 'string' ? block : JSON.stringify(block)}</script>`,
    )
    .join('')}</head><body><h1>Shop</h1></body></html>`;

const handCream = {
  '@context': 'https://schema.org',
  '@type': 'Product',
  name: 'Hand Cream',
  sku: 'HC-50',
  gtin13: '4006381333931',
  category: 'Skin care',
  offers: { '@type': 'Offer', price: '12.50', priceCurrency: 'EUR' },
};

describe('product readers', () => {
  it.each(productReaders.flatMap((reader) => reader.examples.map((url) => [reader.id, url] as const)))(
    '%s matches its example %s',
    (id, url) => {
      expect(productReaders.find((reader) => reader.id === id)?.matches(new URL(url))).toBe(true);
    },
  );

  it('Northwind’s URL filter leaves customer pages alone', () => {
    expect(northwindProduct.matches(new URL('http://127.0.0.1:5178/rep/customers/C-00042'))).toBe(false);
    expect(northwindProduct.matches(new URL('http://127.0.0.1:5178/rep/products'))).toBe(false);
  });
});

describe('Northwind product page', () => {
  const url = 'http://127.0.0.1:5178/rep/products/NW-1001';

  it('reads the product, its price in minor units with the currency, and the barcode', () => {
    expect(read(fixture('northwind/product-detail.html'), url)).toEqual({
      reader: 'northwind',
      sku: 'NW-1001',
      name: 'Classic Glass Spray, 500 ml',
      priceMinor: '2395',
      currency: 'USD',
      barcode: '2057890000007',
      category: 'Cleaning',
    });
  });

  it('gives the worker a product it accepts', () => {
    expect(checkPageProduct(read(fixture('northwind/product-detail.html'), url))).toEqual({
      product: {
        reader: 'northwind',
        sku: 'NW-1001',
        name: 'Classic Glass Spray, 500 ml',
        price: { minor: 2395, currency: 'USD' },
        barcode: '2057890000007',
        category: 'Cleaning',
      },
    });
  });

  it.each([
    ['northwind/customer-C-00042.html', 'http://127.0.0.1:5178/rep/customers/C-00042'],
    ['northwind/product-list.html', 'http://127.0.0.1:5178/rep/products'],
    ['northwind/customer-list.html', 'http://127.0.0.1:5178/rep/customers'],
    ['northwind/orders.html', 'http://127.0.0.1:5178/rep/orders'],
    ['other-sites/acme-crm-client-1234.html', 'http://127.0.0.1:5178/crm/clients/1234'],
    ['other-sites/blog-post.html', 'https://blog.example/posts/1'],
  ])('finds no product on %s', (page, pageUrl) => {
    expect(read(fixture(page), pageUrl)).toBeNull();
    expect(checkPageProduct(read(fixture(page), pageUrl))).toEqual({
      product: null,
      reason: 'Tally found no product on this page.',
    });
  });

  it('keeps a 100 KB name to the reader’s limit, and the worker refuses it', () => {
    const html = fixture('northwind/product-detail.html').replaceAll(
      'Classic Glass Spray, 500 ml',
      'Spray '.repeat(17_000),
    );
    const product = read(html, url);
    expect(product?.name?.length).toBeLessThanOrEqual(PAGE_TEXT_LIMIT);
    expect(checkPageProduct(product)).toEqual({
      product: null,
      reason: 'The product name on this page is longer than 300 characters.',
    });
  });

  it('reads a negative price as written, and the worker refuses it', () => {
    const html = fixture('northwind/product-detail.html').replace(
      'data-price-minor="2395"',
      'data-price-minor="-2395"',
    );
    expect(read(html, url)?.priceMinor).toBe('-2395');
    expect(checkPageProduct(read(html, url))).toEqual({
      product: null,
      reason: 'The price on this page is negative.',
    });
  });
});

describe('schema.org JSON-LD', () => {
  const cases: [string, string, Partial<PageProduct> | null][] = [
    [
      'a Product with one offer and a gtin13',
      jsonLd(handCream),
      {
        sku: 'HC-50',
        name: 'Hand Cream',
        price: '12.50',
        currency: 'EUR',
        barcode: '4006381333931',
        category: 'Skin care',
      },
    ],
    [
      'a Product in an @graph beside the page and the shop',
      jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', name: 'Hand Cream – Shop' },
          { '@type': 'Organization', name: 'Shop' },
          { ...handCream, '@context': undefined },
        ],
      }),
      { sku: 'HC-50', name: 'Hand Cream', price: '12.50', currency: 'EUR' },
    ],
    [
      'offers as an array, a numeric price, and gtin12',
      jsonLd({
        '@type': ['Product'],
        name: 'Candle',
        sku: 1234,
        gtin12: '012345678905',
        offers: [
          { '@type': 'Offer', availability: 'InStock' },
          { '@type': 'Offer', price: 9.5, priceCurrency: 'USD' },
        ],
      }),
      { sku: '1234', name: 'Candle', price: '9.5', currency: 'USD', barcode: '012345678905' },
    ],
    [
      'an AggregateOffer’s lowPrice, gtin8 and a category object',
      jsonLd({
        '@type': 'http://schema.org/Product',
        name: 'Soap',
        gtin8: '96385074',
        category: { '@type': 'Thing', name: 'Bath' },
        offers: { '@type': 'AggregateOffer', lowPrice: '3', priceCurrency: 'GBP' },
      }),
      { name: 'Soap', price: '3', currency: 'GBP', barcode: '96385074', category: 'Bath' },
    ],
    [
      'the price in a priceSpecification, and a plain gtin',
      jsonLd({
        '@type': 'Product',
        name: 'Lamp',
        gtin: '00012345600012',
        offers: { '@type': 'Offer', priceSpecification: { price: 45, priceCurrency: 'CHF' } },
      }),
      { name: 'Lamp', price: '45', currency: 'CHF', barcode: '00012345600012' },
    ],
    [
      'a product page whose mainEntity is the product, after a broken block',
      jsonLd('{ "@type": "Product", "name": ', { '@type': 'ItemPage', mainEntity: handCream }),
      { sku: 'HC-50', name: 'Hand Cream' },
    ],
    ['only broken JSON-LD', jsonLd('{ not json', '[1, 2', '"a string"'), null],
    [
      'a list of products (a category page)',
      jsonLd({
        '@type': 'ItemList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, item: handCream },
          { '@type': 'ListItem', position: 2, item: { ...handCream, sku: 'HC-100' } },
        ],
      }),
      null,
    ],
    ['two products side by side', jsonLd([handCream, { ...handCream, sku: 'HC-100' }]), null],
    [
      'a Person (a customer page)',
      jsonLd({ '@type': 'Person', name: 'Ada Lovelace', email: 'ada@example.com' }),
      null,
    ],
  ];

  it.each(cases)('%s', (_name, html, expected) => {
    const product = read(html);
    if (expected === null) expect(product).toBeNull();
    else expect(product).toMatchObject({ reader: 'schema-org', ...expected });
  });

  it('reads text only: markup in a name stays literal text', () => {
    const product = read(jsonLd({ ...handCream, name: '<img src=x onerror=alert(1)>Hand Cream' }));
    expect(product?.name).toBe('<img src=x onerror=alert(1)>Hand Cream');
  });

  it('leaves the price out when the page gives no currency, and the worker refuses a negative one', () => {
    const noCurrency = read(jsonLd({ ...handCream, offers: { price: '12.50' } }));
    expect(checkPageProduct(noCurrency)).toMatchObject({ product: { name: 'Hand Cream' } });
    expect(checkPageProduct(noCurrency).product?.price).toBeUndefined();
    const negative = read(jsonLd({ ...handCream, offers: { price: -5, priceCurrency: 'EUR' } }));
    expect(checkPageProduct(negative)).toEqual({
      product: null,
      reason: 'The price on this page is negative.',
    });
  });
});

describe('schema.org microdata', () => {
  const microdata = (body: string) => `<html><body>${body}</body></html>`;

  it('reads an itemtype Product with a nested Offer, taking content attributes before text', () => {
    const product = read(
      microdata(`
        <div itemscope itemtype="https://schema.org/Product">
          <h1 itemprop="name">  Hand
            Cream </h1>
          <span>SKU <span itemprop="sku">HC-50</span></span>
          <meta itemprop="gtin13" content="4006381333931">
          <span itemprop="category">Skin care</span>
          <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
            <span itemprop="price" content="12.50">€12,50</span>
            <meta itemprop="priceCurrency" content="EUR">
          </div>
          <div itemprop="isRelatedTo" itemscope itemtype="https://schema.org/Product">
            <span itemprop="name">Hand Soap</span>
          </div>
        </div>`),
    );
    expect(product).toEqual({
      reader: 'schema-org',
      sku: 'HC-50',
      name: 'Hand Cream',
      price: '12.50',
      currency: 'EUR',
      barcode: '4006381333931',
      category: 'Skin care',
    });
  });

  it('finds nothing on a list of products, each the element of a list', () => {
    const item = (name: string) =>
      `<li itemprop="itemListElement" itemscope itemtype="https://schema.org/Product"><span itemprop="name">${name}</span></li>`;
    const list = microdata(
      `<ul itemscope itemtype="https://schema.org/ItemList">${item('A')}${item('B')}</ul>`,
    );
    expect(read(list)).toBeNull();
  });

  it('finds nothing on a customer card', () => {
    const card = microdata(
      '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ada Lovelace</span></div>',
    );
    expect(read(card)).toBeNull();
    expect(schemaOrgProduct.detect(parse(card))).toBe(true);
  });
});
