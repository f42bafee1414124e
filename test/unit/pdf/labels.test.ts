import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { code128Bars, type Bar } from '../../../src/pdf/barcode';
import { itemLabel, itemLabels, type ItemLabel } from '../../../src/pdf/label-layout';
import { itemLabelsPdf } from '../../../src/pdf/label-pdf';
import { pdfText } from '../../support/pdf-text';
import { decodeCode128 } from './code128-decode';
import { buyBack, item } from './receipt-fixtures';

const usd = (minor: number) => ({ minor, currency: 'USD' });
const PRODUCT_ID = '00000000-0000-4000-8000-00000000abcd';

/** Bar and space widths in modules, bar first, from bars anywhere on a line. */
function widths(bars: readonly Bar[]): number[] {
  const sorted = [...bars].sort((a, b) => a.x - b.x);
  const module = Math.min(...sorted.map((bar) => bar.width));
  const result: number[] = [];
  sorted.forEach((bar, index) => {
    result.push(Math.round(bar.width / module));
    const next = sorted[index + 1];
    if (next) result.push(Math.round((next.x - bar.x - bar.width) / module));
  });
  return result;
}

/** The filled rectangles each page of a jspdf PDF draws, read from its (deflated) content streams. */
function filledRectangles(pdf: ArrayBuffer): Bar[][] {
  const raw = Buffer.from(pdf);
  const pages: Bar[][] = [];
  let from = 0;
  for (;;) {
    const start = raw.indexOf('stream\n', from);
    if (start < 0) return pages;
    const end = raw.indexOf('\nendstream', start);
    from = end + '\nendstream'.length;
    let content: string;
    try {
      content = inflateSync(raw.subarray(start + 'stream\n'.length, end)).toString('latin1');
    } catch {
      continue; // Not a deflated stream: not a page's content.
    }
    const rects = [...content.matchAll(/([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) re\s+f\b/g)];
    if (content.includes(' Tf'))
      pages.push(rects.map((rect) => ({ x: Number(rect[1]), width: Number(rect[3]) })));
  }
}

const label = (extra: Partial<ItemLabel> = {}): ItemLabel => ({
  shopName: 'Fixit Repair & Resale',
  description: 'iPhone 12, 64 GB, blue',
  condition: 'A — like new',
  serial: '356938035643809',
  price: '$399.00',
  barcode: '356938035643809',
  ...extra,
});

describe('item labels', () => {
  it('label an item with its retail price and a barcode of its serial', () => {
    expect(
      itemLabel({
        shopName: 'Fixit',
        item: { description: 'Galaxy S21', serial: 'R58N1234ABC', condition: 'C', retailPrice: usd(29900) },
        product: { sku: 'BB-0042-1', price: usd(31000) },
        locale: 'en-US',
      }),
    ).toEqual({
      shopName: 'Fixit',
      description: 'Galaxy S21',
      condition: 'C — visible wear',
      serial: 'R58N1234ABC',
      price: '$299.00',
      barcode: 'R58N1234ABC',
    });
  });

  it("encode the product's SKU when the serial is missing or cannot be a barcode, else none", () => {
    const product = { sku: 'BB-0042-1', price: usd(31000) };
    const labelFor = (serial: string | undefined, sku = product) =>
      itemLabel({
        shopName: 'Fixit',
        item: { description: 'Phone', serial, condition: 'B' },
        product: sku,
        locale: 'en-US',
      });
    expect(labelFor(undefined)).toMatchObject({ serial: null, barcode: 'BB-0042-1', price: '$310.00' });
    expect(labelFor('Séri€-1').barcode).toBe('BB-0042-1');
    expect(labelFor('X'.repeat(25)).barcode).toBe('BB-0042-1');
    expect(labelFor('X'.repeat(24)).barcode).toBe('X'.repeat(24));
    expect(labelFor(undefined, { ...product, sku: 'Téléphone' }).barcode).toBeNull();
    expect(
      itemLabel({ shopName: 'Fixit', item: { description: 'Phone', condition: 'B' }, locale: 'en-US' }),
    ).toMatchObject({ price: null, barcode: null });
  });

  it('label the chosen items of a buy-back in its order, each with its product', () => {
    const items = [
      item('First', 100, { serial: 'S-1', productId: PRODUCT_ID }),
      item('Second', 200),
      item('Third', 300, { serial: 'S-3', retailPrice: usd(900) }),
    ];
    const labels = itemLabels({
      buyBack: buyBack(items),
      itemIds: [items[2]?.id ?? '', items[0]?.id ?? ''],
      products: [{ id: PRODUCT_ID, sku: 'SKU-1', price: usd(500) }],
      shopName: 'Fixit',
      locale: 'en-US',
    });
    expect(labels.map((one) => [one.description, one.price])).toEqual([
      ['First', '$5.00'],
      ['Third', '$9.00'],
    ]);
  });

  it('draws Code 128 bars that read back as the text, in every code set', () => {
    const printable = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('');
    const texts = [
      '356938035643809',
      'R58N1234ABC',
      'BB-0042-1',
      'a^b~c',
      '12345678901234567890',
      'A1B22C333',
    ];
    for (let at = 0; at < printable.length; at += 20) texts.push(printable.slice(at, at + 20));
    for (const text of texts) expect(decodeCode128(widths(code128Bars(text).bars))).toBe(text);
  });

  it('prints one label a page with the price, the serial and bars that scan as the serial', async () => {
    const second = label({
      description: 'Galaxy S21',
      serial: null,
      barcode: 'BB-0042-2',
      price: '$1,299.00',
    });
    const pdf = itemLabelsPdf([label(), second]);
    const pages = await pdfText(new Uint8Array(pdf));
    expect(pages).toHaveLength(2);
    for (const expected of ['Fixit Repair & Resale', 'iPhone 12, 64 GB, blue', 'A — like new', '$399.00']) {
      expect(pages[0]).toContain(expected);
    }
    expect(pages[0]).toContain('S/N 356938035643809');
    expect(pages[1]).toContain('$1,299.00');
    expect(pages[1]).toContain('BB-0042-2');
    const [first = [], next = []] = filledRectangles(pdf);
    expect(decodeCode128(widths(first))).toBe('356938035643809');
    expect(decodeCode128(widths(next))).toBe('BB-0042-2');
  });

  it('cuts a long description to two lines, and keeps a serial the bars do not carry', async () => {
    const long = label({
      description:
        'Refurbished smartphone with a very long description that cannot fit on a small label at all',
      serial: 'SERIAL-THAT-IS-FAR-TOO-LONG-FOR-A-BARCODE',
      barcode: 'SKU-9',
    });
    const [page = ''] = await pdfText(new Uint8Array(itemLabelsPdf([long])));
    expect(page).toContain('…');
    expect(page).not.toContain('at all');
    expect(page).toContain('S/N SERIAL-THAT-IS-FAR-TOO-LONG-FOR-A-BARCODE');
    expect(page).toContain('SKU-9');
  });

  it('prints a label without a barcode or a price', async () => {
    const [page = ''] = await pdfText(new Uint8Array(itemLabelsPdf([label({ barcode: null, price: null })])));
    expect(page).toContain('S/N 356938035643809');
    expect(() => itemLabelsPdf([])).toThrow(/at least one item/);
  });
});
