import { describe, expect, it } from 'vitest';
import { receiptLayout } from '../../../src/pdf/receipt-layout';
import { receiptPdf } from '../../../src/pdf/receipt-pdf';
import { pdfText } from '../../support/pdf-text';
import { buyBack, item, paidInput, payout, purchase, template } from './receipt-fixtures';

/** A 1 × 1 PNG. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const bytes = (buffer: ArrayBuffer) => new Uint8Array(buffer);
/** The PDF's own structure (object dictionaries are not compressed, content streams are). */
const raw = (buffer: ArrayBuffer) => Buffer.from(buffer).toString('latin1');
/** pdf.js reads no-break spaces back as plain ones; compare the words. */
const words = (text: string) => text.replace(/\s+/g, ' ');

describe('receiptPdf', () => {
  it('prints the shop, the seller, every item with its serial, the total, the payment and the terms', async () => {
    const pdf = receiptPdf(receiptLayout(paidInput()));
    const pages = await pdfText(bytes(pdf));
    expect(pages).toHaveLength(1);
    const text = words(pages[0] ?? '');
    for (const expected of [
      'Fixit Repair & Resale',
      '12 Market Street',
      'Purchase receipt BB-0042',
      'March 3, 2026',
      'Ada Lovelace',
      'ada@example.com',
      'X1234567',
      'iPhone 12, 64 GB, blue',
      '356938035643809',
      'Galaxy S21',
      'R58N1234ABC',
      '$250.00',
      'Total paid',
      '$430.50',
      'Payment method',
      'Cash',
      'R-778',
      'Thanks, Ada!',
      'Sold as is.',
      'No refunds after 14 days.',
      'Seller signature',
      'Staff signature',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('carries 60 items over several pages, repeating the table header, with the total on the last', async () => {
    const items = Array.from({ length: 60 }, (_, index) =>
      item(`Phone number ${index + 1}`, 1000 + index, { serial: `SN-${String(index + 1).padStart(4, '0')}` }),
    );
    const total = items.reduce((sum, each) => sum + each.price.minor, 0);
    const input = paidInput();
    input.buyBack = buyBack(items, { payout: payout(total) });
    const pages = await pdfText(bytes(receiptPdf(receiptLayout(input))));
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    for (let number = 1; number <= 60; number += 1) {
      expect(all).toContain(`Phone number ${number}`);
      expect(all).toContain(`SN-${String(number).padStart(4, '0')}`);
    }
    expect(pages[1]).toContain('Serial / IMEI');
    expect(pages.at(-1)).toContain('$617.70');
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
  });

  it('draws the logo, and still prints the receipt when the logo cannot be read', async () => {
    const withLogo = receiptPdf(receiptLayout(paidInput({ template: template({ logo: PNG }) })));
    expect(raw(withLogo)).toMatch(/\/Subtype \/Image/);
    const broken = receiptPdf(
      receiptLayout(paidInput({ template: template({ logo: 'data:image/png;base64,AAAA' }) })),
    );
    expect(raw(broken)).not.toMatch(/\/Subtype \/Image/);
    expect((await pdfText(bytes(broken)))[0]).toContain('Fixit Repair & Resale');
  });

  it('prints the trade-in and what is left to pay', async () => {
    const bought = purchase([{ name: 'iPhone 15', quantity: 1, unitMinor: 79900 }]);
    const input = paidInput({ tradeIn: bought });
    input.buyBack = buyBack([item('iPhone 11', 20000)], {
      payout: payout(20000, 'USD', { method: 'Trade-in', tradeInPurchaseId: bought.id }),
    });
    const text = words((await pdfText(bytes(receiptPdf(receiptLayout(input)))))[0] ?? '');
    for (const expected of ['iPhone 15', '$799.00', 'Trade-in credit', '-$200.00', 'Customer pays $599.00']) {
      expect(text).toContain(expected);
    }
  });

  it('keeps amounts readable in locales whose separators the built-in font lacks', async () => {
    const euro = (minor: number) => item('Téléphone', minor, { price: { minor, currency: 'EUR' } });
    const input = paidInput({ locale: 'fr-FR', seller: { name: 'Zoë Иванова' } });
    input.buyBack = buyBack([euro(123456)], { currency: 'EUR', payout: payout(123456, 'EUR') });
    const text = words((await pdfText(bytes(receiptPdf(receiptLayout(input)))))[0] ?? '');
    expect(text).toContain('1 234,56 €');
    expect(text).toContain('Téléphone');
    expect(text).toContain('Zoë ???????');
    expect(text).toContain('3 mars 2026');
  });

  it('prints on Letter for the US and on A4 in Germany', () => {
    const mediaBox = (buffer: ArrayBuffer) => /\/MediaBox \[([^\]]+)\]/.exec(raw(buffer))?.[1]?.trim();
    expect(mediaBox(receiptPdf(receiptLayout(paidInput({ locale: 'en-US' }))))).toMatch(/^0 0 612\.?0* 792/);
    expect(mediaBox(receiptPdf(receiptLayout(paidInput({ locale: 'de-DE' }))))).toMatch(
      /^0 0 595\.\d+ 841\.\d+/,
    );
  });
});
