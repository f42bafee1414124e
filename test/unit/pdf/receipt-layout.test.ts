import { describe, expect, it } from 'vitest';
import { paperFor } from '../../../src/pdf/document-layout';
import { receiptLayout } from '../../../src/pdf/receipt-layout';
import { buyBack, item, paidInput, payout, purchase, seller, template } from './receipt-fixtures';

const NBSP = '\u00a0';

describe('receiptLayout', () => {
  it('lays out a paid buy-back with the default fields shown', () => {
    const layout = receiptLayout(paidInput());
    expect(layout.title).toBe('Purchase receipt BB-0042');
    expect(layout.date).toBe('March 3, 2026');
    expect(layout.paid).toBe(true);
    expect(layout.shop).toEqual({
      name: 'Fixit Repair & Resale',
      addressLines: ['12 Market Street', 'Springfield 12345'],
      logo: null,
    });
    expect(layout.seller).toEqual({
      name: 'Ada Lovelace',
      details: ['Analytical Ltd', 'ada@example.com', '+1 555 0100'],
      identification: [
        { label: 'ID type', value: 'Passport' },
        { label: 'ID number', value: 'X1234567' },
        { label: 'ID expiry', value: 'January 31, 2030' },
      ],
    });
    expect(layout.items.columns.map((column) => column.label)).toEqual([
      'Item',
      'Serial / IMEI',
      'Condition',
      'Price paid',
    ]);
    expect(layout.items.rows).toEqual([
      ['iPhone 12, 64 GB, blue', '356938035643809', 'A — like new', '$250.00'],
      ['Galaxy S21', 'R58N1234ABC', 'C — visible wear', '$180.50'],
    ]);
    expect(layout.total).toEqual({ label: 'Total paid', value: '$430.50' });
    expect(layout.payment).toEqual([
      { label: 'Payment method', value: 'Cash' },
      { label: 'Reference', value: 'R-778' },
      { label: 'Message', value: 'Thanks, Ada!' },
    ]);
    expect(layout.tradeIn).toBeNull();
    expect(layout.terms).toEqual(['Sold as is.', 'No refunds after 14 days.']);
    expect(layout.signatures).toEqual(['Seller signature', 'Staff signature']);
    expect(layout.paper).toBe('letter');
  });

  it('leaves out every optional field the template turns off', () => {
    const layout = receiptLayout(
      paidInput({
        template: template({
          show: {
            sellerId: false,
            dateOfBirth: false,
            serials: false,
            condition: false,
            reference: false,
            message: false,
          },
        }),
      }),
    );
    expect(layout.seller.identification).toEqual([]);
    expect(layout.items.columns.map((column) => column.label)).toEqual(['Item', 'Price paid']);
    expect(layout.items.rows).toEqual([
      ['iPhone 12, 64 GB, blue', '$250.00'],
      ['Galaxy S21', '$180.50'],
    ]);
    expect(layout.payment).toEqual([{ label: 'Payment method', value: 'Cash' }]);
  });

  it('shows the date of birth on its own switch, and only the identification the seller gave', () => {
    const input = paidInput({ template: template({ show: { sellerId: false, dateOfBirth: true } }) });
    expect(receiptLayout(input).seller.identification).toEqual([
      { label: 'Date of birth', value: 'May 17, 1990' },
    ]);
    const partial = paidInput();
    partial.buyBack = { ...partial.buyBack, seller: { idNumber: 'X1234567' } };
    expect(receiptLayout(partial).seller.identification).toEqual([{ label: 'ID number', value: 'X1234567' }]);
  });

  it('leaves out contact details, serials and payment text the buy-back does not have', () => {
    const input = paidInput({ seller: { name: 'Bob' } });
    input.buyBack = buyBack([item('Old phone', 500)], { payout: payout(500) });
    const layout = receiptLayout(input);
    expect(layout.seller.details).toEqual([]);
    expect(layout.items.rows).toEqual([['Old phone', '', 'B — light wear', '$5.00']]);
    expect(layout.payment).toEqual([{ label: 'Payment method', value: 'Cash' }]);
  });

  it('marks an estimate as not paid and totals its items', () => {
    const layout = receiptLayout({
      ...paidInput(),
      buyBack: buyBack([item('Tablet', 9999), item('Charger', 1)]),
    });
    expect(layout.date).toBe('Estimate — not paid');
    expect(layout.paid).toBe(false);
    expect(layout.total).toEqual({ label: 'Estimated total', value: '$100.00' });
    expect(layout.payment).toEqual([]);
  });

  it('formats amounts exactly in the currency and locale: JPY without decimals, EUR in German', () => {
    const yen = (minor: number) => item('Switch', minor, { price: { minor, currency: 'JPY' } });
    const japanese = receiptLayout({
      ...paidInput({ locale: 'en-US' }),
      buyBack: buyBack([yen(25000), yen(1)], { currency: 'JPY', payout: payout(25001, 'JPY') }),
    });
    expect(japanese.items.rows.map((row) => row.at(-1))).toEqual(['¥25,000', '¥1']);
    expect(japanese.total.value).toBe('¥25,001');

    const euro = (minor: number) => item('Handy', minor, { price: { minor, currency: 'EUR' } });
    const german = receiptLayout({
      ...paidInput({ locale: 'de-DE' }),
      buyBack: buyBack([euro(123456), euro(5)], { currency: 'EUR', payout: payout(123461, 'EUR') }),
    });
    expect(german.items.rows.map((row) => row.at(-1))).toEqual([`1.234,56${NBSP}€`, `0,05${NBSP}€`]);
    expect(german.total.value).toBe(`1.234,61${NBSP}€`);
    expect(german.date).toBe('3. März 2026');
    expect(german.paper).toBe('a4');
  });

  describe('a trade-in netted against a purchase', () => {
    function tradeIn(creditMinor: number, lines: { name: string; quantity: number; unitMinor: number }[]) {
      const bought = purchase(lines);
      const input = paidInput({ tradeIn: bought });
      input.buyBack = buyBack([item('iPhone 11', creditMinor)], {
        payout: payout(creditMinor, 'USD', { method: 'Trade-in', tradeInPurchaseId: bought.id }),
      });
      return receiptLayout(input).tradeIn;
    }

    it('lists the purchase, the credit, and what the customer still pays', () => {
      const section = tradeIn(20000, [
        { name: 'iPhone 15', quantity: 1, unitMinor: 79900 },
        { name: 'Case', quantity: 2, unitMinor: 1500 },
      ]);
      expect(section).toEqual({
        heading: 'Trade-in against the purchase of March 3, 2026',
        purchase: {
          columns: [
            { label: 'Item', align: 'left' },
            { label: 'Quantity', align: 'right' },
            { label: 'Price', align: 'right' },
            { label: 'Total', align: 'right' },
          ],
          rows: [
            ['iPhone 15', '1', '$799.00', '$799.00'],
            ['Case', '2', '$15.00', '$30.00'],
          ],
        },
        totals: [
          { label: 'Purchase total', value: '$829.00' },
          { label: 'Trade-in credit', value: '-$200.00' },
        ],
        difference: 'Customer pays $629.00',
      });
    });

    it('says the shop pays when the credit is larger, and even when they match', () => {
      expect(tradeIn(5000, [{ name: 'Cable', quantity: 1, unitMinor: 1999 }])?.difference).toBe(
        'Shop pays $30.01',
      );
      expect(tradeIn(3000, [{ name: 'Case', quantity: 2, unitMinor: 1500 }])?.difference).toBe('Even');
    });

    it('refuses a trade-in without its purchase or in another currency', () => {
      const bought = purchase([{ name: 'Case', quantity: 1, unitMinor: 1500 }], 'EUR');
      const input = paidInput();
      input.buyBack = buyBack([item('iPhone 11', 100)], {
        payout: payout(100, 'USD', { method: 'Trade-in', tradeInPurchaseId: bought.id }),
      });
      expect(() => receiptLayout(input)).toThrow(/needs the purchase/);
      expect(() => receiptLayout({ ...input, tradeIn: bought })).toThrow(/cannot be netted/);
    });
  });

  it('keeps what the user typed as plain text', () => {
    const input = paidInput({ seller: { ...seller, name: '<img src=x onerror=alert(1)>' } });
    input.template = template({ shopName: '<b>Shop</b>', terms: '<script>x</script>' });
    const layout = receiptLayout(input);
    expect(layout.seller.name).toBe('<img src=x onerror=alert(1)>');
    expect(layout.shop.name).toBe('<b>Shop</b>');
    expect(layout.terms).toEqual(['<script>x</script>']);
  });

  it('carries the logo', () => {
    const logo = 'data:image/png;base64,iVBORw0KGgo=';
    expect(receiptLayout(paidInput({ template: template({ logo }) })).shop.logo).toBe(logo);
  });

  it('prints on Letter where shops use it, A4 elsewhere', () => {
    expect(paperFor('en-US')).toBe('letter');
    expect(paperFor('en')).toBe('letter');
    expect(paperFor('fr-CA')).toBe('letter');
    expect(paperFor('en-GB')).toBe('a4');
    expect(paperFor('de')).toBe('a4');
    expect(paperFor('not a locale')).toBe('a4');
  });
});
