import { describe, expect, it } from 'vitest';
import {
  baseName,
  namesAnotherList,
  patternMatchesOrigin,
  reconcileOfferFor,
  type BackOfficeSites,
} from '../../../src/messaging/reconcile-downloads';

const sites: BackOfficeSites = {
  patterns: [
    'http://localhost/*',
    'http://127.0.0.1/*',
    'https://crm.example.com/*',
    'https://*.shop.test/*',
  ],
  off: new Set(['https://old.shop.test']),
};

const download = (fields: Partial<Parameters<typeof reconcileOfferFor>[0]>) => ({
  filename: '/home/rep/Downloads/orders.csv',
  ...fields,
});

describe('which downloads Tally offers to reconcile', () => {
  it('offers a CSV fetched from a back office Tally runs on, by its origin and base name', () => {
    expect(reconcileOfferFor(download({ url: 'https://crm.example.com/export/orders.csv' }), sites)).toEqual({
      fileName: 'orders.csv',
      origin: 'https://crm.example.com',
    });
    // The demo back office on any local port.
    expect(
      reconcileOfferFor(
        download({
          filename: 'C:\\Users\\rep\\Downloads\\northwind-orders.CSV',
          url: 'http://127.0.0.1:5178/rep/export/orders.csv',
        }),
        sites,
      ),
    ).toEqual({ fileName: 'northwind-orders.CSV', origin: 'http://127.0.0.1:5178' });
  });

  it('knows a file the page made itself (a blob URL) by the origin that made it, or by the referrer', () => {
    expect(
      reconcileOfferFor(
        download({ url: 'blob:https://eu.shop.test/1f0c6a52-7a7e-4f1e-9a55-0d1f0f1f2b3c' }),
        sites,
      ),
    ).toEqual({ fileName: 'orders.csv', origin: 'https://eu.shop.test' });
    expect(
      reconcileOfferFor(
        download({ url: 'data:text/csv;base64,b3JkZXI=', referrer: 'https://crm.example.com/orders' }),
        sites,
      ),
    ).toEqual({ fileName: 'orders.csv', origin: 'https://crm.example.com' });
    // Served from a storage host after a redirect, asked for on the back office.
    expect(
      reconcileOfferFor(
        download({ url: 'https://crm.example.com/export', finalUrl: 'https://files.cdn.test/a/orders.csv' }),
        sites,
      ),
    ).toEqual({ fileName: 'orders.csv', origin: 'https://crm.example.com' });
  });

  it('offers nothing for other files, other sites, sites turned off, or an extension’s own download', () => {
    expect(
      reconcileOfferFor(download({ filename: '/tmp/orders.xlsx', url: 'https://crm.example.com/x' }), sites),
    ).toBeNull();
    expect(reconcileOfferFor(download({ url: 'https://elsewhere.test/orders.csv' }), sites)).toBeNull();
    expect(reconcileOfferFor(download({ url: 'https://old.shop.test/orders.csv' }), sites)).toBeNull();
    expect(
      reconcileOfferFor(
        download({ url: 'blob:chrome-extension://tally-id/5b1d', byExtensionId: 'tally-id' }),
        sites,
      ),
    ).toBeNull();
    expect(
      reconcileOfferFor(download({ url: 'https://crm.example.com/orders.csv', byExtensionId: 'x' }), sites),
    ).toBeNull();
    expect(reconcileOfferFor(download({ url: 'file:///home/rep/orders.csv' }), sites)).toBeNull();
    expect(reconcileOfferFor(download({}), sites)).toBeNull();
  });
});

describe('which file names say another list than orders', () => {
  it.each([
    ['products.csv', true],
    ['products_export_1.csv', true],
    ['customers_export.csv', true],
    ['inventory_export_1.CSV', true],
    ['ContactList.csv', true],
    ['orders.csv', false],
    ['orders_export_1.csv', false],
    ['customer-orders-2026-03.csv', false],
    ['sales-by-product.csv', false],
    ['items-2026-03-01-2026-03-31.csv', false],
    ['export (3).csv', false],
    ['production-log.csv', false],
  ])('%s: %s', (fileName, expected) => {
    expect(namesAnotherList(fileName)).toBe(expected);
  });

  it('offers no products export downloaded from a back office, and still its orders export', () => {
    const from = { url: 'http://127.0.0.1:5178/rep/export/products.csv' };
    expect(
      reconcileOfferFor(download({ ...from, filename: '/home/rep/Downloads/products.csv' }), sites),
    ).toBeNull();
    expect(
      reconcileOfferFor(download({ ...from, filename: '/home/rep/Downloads/orders.csv' }), sites),
    ).toEqual({
      fileName: 'orders.csv',
      origin: 'http://127.0.0.1:5178',
    });
  });
});

describe('match patterns against origins', () => {
  it.each([
    ['https://crm.example.com/*', 'https://crm.example.com', true],
    ['https://crm.example.com/*', 'http://crm.example.com', false],
    ['https://crm.example.com/*', 'https://evil-crm.example.com', false],
    ['http://localhost/*', 'http://localhost:3000', true],
    ['http://127.0.0.1:5178/*', 'http://127.0.0.1:5178', true],
    ['http://127.0.0.1:5178/*', 'http://127.0.0.1:5179', false],
    ['https://*.shop.test/*', 'https://shop.test', true],
    ['https://*.shop.test/*', 'https://a.b.shop.test', true],
    ['https://*.shop.test/*', 'https://notshop.test', false],
    ['*://*/*', 'https://any.test', true],
    ['<all_urls>', 'https://any.test', false],
  ])('%s covers %s: %s', (pattern, origin, expected) => {
    expect(patternMatchesOrigin(pattern, origin)).toBe(expected);
  });

  it('takes the base name of Windows and POSIX paths', () => {
    expect(baseName('C:\\a\\b.csv')).toBe('b.csv');
    expect(baseName('/a/b.csv')).toBe('b.csv');
    expect(baseName('b.csv')).toBe('b.csv');
  });
});
