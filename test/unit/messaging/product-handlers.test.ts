import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkPageProduct, productHandlers } from '../../../src/messaging/product-handlers';
import { createRouter, type Handlers } from '../../../src/messaging/router';

const self = { id: 'tally-id', origin: 'chrome-extension://tally-id/' };
const sidebarIn = (tab: number) => ({
  id: 'tally-id',
  url: 'chrome-extension://tally-id/sidebar.html',
  tab: { id: tab },
});
const dashboard = { id: 'tally-id', url: 'chrome-extension://tally-id/dashboard.html' };
const contentScript = { id: 'tally-id', url: 'http://127.0.0.1:5178/rep/products/NW-1001', tab: { id: 3 } };
const otherExtension = {
  id: 'someone-else',
  url: 'chrome-extension://someone-else/page.html',
  tab: { id: 3 },
};
const ask = { type: 'product.readPage', request: {} };

const page = {
  reader: 'northwind',
  sku: 'NW-1001',
  name: 'Classic Glass Spray, 500 ml',
  priceMinor: '2395',
  currency: 'USD',
  barcode: '2057890000007',
  category: 'Cleaning',
};

let readPage: ReturnType<typeof vi.fn<(tabId: number) => Promise<unknown>>>;
let route: ReturnType<typeof createRouter>;

beforeEach(() => {
  readPage = vi.fn(async () => page);
  route = createRouter(productHandlers({ readPage }) as Handlers, self);
});

describe('product.readPage: who may ask', () => {
  it('reads the page of the tab the sidebar is framed in', async () => {
    expect(await route(ask, sidebarIn(7))).toEqual({
      ok: true,
      response: {
        product: {
          reader: 'northwind',
          sku: 'NW-1001',
          name: 'Classic Glass Spray, 500 ml',
          price: { minor: 2395, currency: 'USD' },
          barcode: '2057890000007',
          category: 'Cleaning',
        },
      },
    });
    expect(readPage).toHaveBeenCalledWith(7);
  });

  it('refuses content scripts, other extensions, and a page with no tab, reading nothing', async () => {
    expect(await route(ask, contentScript)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not accepted/),
    });
    expect(await route(ask, otherExtension)).toMatchObject({ ok: false });
    expect(await route(ask, dashboard)).toEqual({
      ok: false,
      error: 'This Tally page is not beside a back-office tab.',
    });
    expect(await route({ ...ask, request: { tabId: 9 } }, sidebarIn(7))).toEqual({
      ok: false,
      error: 'A page in a tab can act on its own tab only.',
    });
    expect(readPage).not.toHaveBeenCalled();
  });

  it('reads the tab the side panel names: it has no tab of its own', async () => {
    expect(await route({ ...ask, request: { tabId: 9 } }, dashboard)).toMatchObject({ ok: true });
    expect(readPage).toHaveBeenCalledWith(9);
  });

  it('refuses a malformed request', async () => {
    expect(await route({ type: 'product.readPage', request: 'tab 5' }, sidebarIn(7))).toMatchObject({
      ok: false,
    });
    expect(readPage).not.toHaveBeenCalled();
  });

  it('answers a page it could not reach with a refusal, not a crash', async () => {
    readPage.mockRejectedValueOnce(new Error('Cannot access contents of the page.'));
    expect(await route(ask, sidebarIn(7))).toEqual({
      ok: false,
      error: 'Cannot access contents of the page.',
    });
  });
});

describe('checkPageProduct: what the page returned is checked before anyone sees it', () => {
  it.each([
    ['nothing', null, 'Tally found no product on this page.'],
    ['undefined (a page that threw)', undefined, 'Tally found no product on this page.'],
    ['a string', 'Hand Cream', 'Tally could not read the product on this page.'],
    ['an array', [page], 'Tally could not read the product on this page.'],
    ['a number where text goes', { ...page, name: 42 }, 'Tally could not read the product on this page.'],
    [
      'a field longer than a reader may send',
      { ...page, name: 'x'.repeat(5000) },
      'Tally could not read the product on this page.',
    ],
    ['no name', { ...page, name: undefined }, 'The product on this page has no name Tally can read.'],
    [
      'only white space for a name',
      { ...page, name: ' \n\t\u0000 ' },
      'The product on this page has no name Tally can read.',
    ],
    [
      'a long name',
      { ...page, name: 'n'.repeat(301) },
      'The product name on this page is longer than 300 characters.',
    ],
    [
      'a long SKU',
      { ...page, sku: 's'.repeat(65) },
      'The product SKU on this page is longer than 64 characters.',
    ],
    [
      'a long barcode',
      { ...page, barcode: '1'.repeat(65) },
      'The product barcode on this page is longer than 64 characters.',
    ],
    [
      'a long category',
      { ...page, category: 'c'.repeat(201) },
      'The product category on this page is longer than 200 characters.',
    ],
    ['a negative price in minor units', { ...page, priceMinor: '-1' }, 'The price on this page is negative.'],
    [
      'a negative decimal price',
      { ...page, priceMinor: undefined, price: '-12.50' },
      'The price on this page is negative.',
    ],
    [
      'a fractional minor amount',
      { ...page, priceMinor: '12.5' },
      'The price on this page, “12.5”, is not an amount Tally can store.',
    ],
    [
      'a price beyond the safe integer range',
      { ...page, priceMinor: '9007199254740993' },
      'The price on this page, “9007199254740993”, is not an amount Tally can store.',
    ],
    [
      'a decimal price that is not an amount',
      { ...page, priceMinor: undefined, price: 'call us' },
      'The price on this page, “call us”, is not an amount Tally can store.',
    ],
    [
      'too many decimals for the currency',
      { ...page, priceMinor: undefined, price: '12.505' },
      'The price on this page, “12.505”, is not an amount Tally can store.',
    ],
    [
      'a currency that is no code',
      { ...page, currency: 'dollars' },
      'The currency on this page, “DOLLARS”, is not a three-letter currency code.',
    ],
  ])('refuses %s', (_what, raw, reason) => {
    expect(checkPageProduct(raw)).toEqual({ product: null, reason });
  });

  it('cleans text: control characters and runs of spaces become one space; unknown fields are dropped', () => {
    const reply = checkPageProduct({
      ...page,
      name: '  Classic\u0000Glass \n\n Spray ',
      script: '<script>alert(1)</script>',
    });
    expect(reply.product?.name).toBe('Classic Glass Spray');
    expect(reply.product).not.toHaveProperty('script');
  });

  it('drops direction overrides, which would show a name in another order than it is stored', () => {
    const reply = checkPageProduct({ ...page, name: 'Glass \u202eyarpS\u202c Cleaner' });
    expect(reply.product?.name).toBe('Glass yarpS Cleaner');
  });

  it('reads a decimal price in the currency’s minor units, and leaves out a price with no currency', () => {
    const yen = checkPageProduct({ reader: 'schema-org', name: 'Tea', price: '1200', currency: 'jpy' });
    expect(yen.product?.price).toEqual({ minor: 1200, currency: 'JPY' });
    const euros = checkPageProduct({ reader: 'schema-org', name: 'Tea', price: '1,299.5', currency: 'EUR' });
    expect(euros.product?.price).toEqual({ minor: 129950, currency: 'EUR' });
    const unknown = checkPageProduct({ reader: 'schema-org', name: 'Tea', price: '12.50' });
    expect(unknown).toEqual({ product: { reader: 'schema-org', name: 'Tea' } });
  });
});
