import {
  buyBackNumber,
  buyBackTotal,
  CONDITION_LABELS,
  SELLER_ID_LABELS,
  type BuyBack,
  type SellerIdField,
} from '../domain/buyback';
import { formatCalendarDate } from '../domain/calendar';
import type { Contact } from '../domain/contact';
import { formatMoney, type Money } from '../domain/money';
import { lineTotal, recordTotal, type PurchaseRecord } from '../domain/purchase';
import type { ReceiptTemplate } from '../domain/receipt-template';
import {
  filledIn,
  letterhead,
  nonEmptyLines,
  paperFor,
  type DocumentColumn,
  type DocumentField,
  type DocumentTable,
  type Letterhead,
  type PaperSize,
} from './document-layout';

/**
 * What a purchase receipt says, as plain data: the PDF (receipt-pdf.ts) and the template editor's
 * live preview (ui/receipt/ReceiptPreview.tsx) both draw this, so they cannot disagree. Every
 * value is text to draw as text; none of it is markup.
 */

export interface ReceiptLayoutInput {
  buyBack: BuyBack;
  seller: Pick<Contact, 'name' | 'email' | 'phone' | 'company'>;
  template: ReceiptTemplate;
  /** Formats amounts and dates, and picks the paper (Letter in the Americas that use it, else A4). */
  locale: string;
  /** When the payout is a trade-in: the purchase it is netted against. */
  tradeIn?: PurchaseRecord;
}

/** A trade-in: the purchase, the credit the bought items give, and who pays the difference. */
export interface ReceiptTradeIn {
  heading: string;
  purchase: DocumentTable;
  /** Purchase total, then the trade-in credit (negative). */
  totals: DocumentField[];
  /** "Customer pays €50.00", "Shop pays €20.00" or "Even". */
  difference: string;
}

export interface ReceiptLayout {
  paper: PaperSize;
  title: string;
  /** The payout day, or "Estimate — not paid". */
  date: string;
  paid: boolean;
  shop: Letterhead;
  seller: { name: string; details: string[]; identification: DocumentField[] };
  items: DocumentTable;
  total: DocumentField;
  payment: DocumentField[];
  tradeIn: ReceiptTradeIn | null;
  /** The terms, one string per paragraph. */
  terms: string[];
  signatures: string[];
}

export const NOT_PAID = 'Estimate — not paid';
export const SIGNATURES = ['Seller signature', 'Staff signature'] as const;

/** The identification fields each template switch governs. */
const ID_FIELDS_SHOWN_BY: { show: 'sellerId' | 'dateOfBirth'; fields: SellerIdField[] }[] = [
  { show: 'sellerId', fields: ['idType', 'idNumber', 'idExpiry'] },
  { show: 'dateOfBirth', fields: ['dateOfBirth'] },
];
const DATE_FIELDS: ReadonlySet<SellerIdField> = new Set(['idExpiry', 'dateOfBirth']);

export function receiptLayout(input: ReceiptLayoutInput): ReceiptLayout {
  const { buyBack, seller, template, locale } = input;
  const show = template.show;
  const money = (amount: Money) => formatMoney(amount, locale);
  const payout = buyBack.payout;

  const identification: DocumentField[] = [];
  for (const { show: key, fields } of ID_FIELDS_SHOWN_BY) {
    if (!show[key]) continue;
    for (const field of fields) {
      const value = buyBack.seller[field];
      if (!value) continue;
      identification.push({
        label: SELLER_ID_LABELS[field],
        value: DATE_FIELDS.has(field) ? formatCalendarDate(value, locale, 'long') : value,
      });
    }
  }

  const columns: DocumentColumn[] = [{ label: 'Item', align: 'left' }];
  if (show.serials) columns.push({ label: 'Serial / IMEI', align: 'left' });
  if (show.condition) columns.push({ label: 'Condition', align: 'left' });
  columns.push({ label: 'Price paid', align: 'right' });
  const rows = buyBack.items.map((item) => [
    item.description,
    ...(show.serials ? [item.serial ?? ''] : []),
    ...(show.condition ? [CONDITION_LABELS[item.condition]] : []),
    money(item.price),
  ]);

  const payment: DocumentField[] = [];
  if (payout) {
    payment.push({ label: 'Payment method', value: payout.method });
    if (show.reference && payout.reference) payment.push({ label: 'Reference', value: payout.reference });
    if (show.message && payout.message) payment.push({ label: 'Message', value: payout.message });
  }

  return {
    paper: paperFor(locale),
    title: `Purchase receipt ${buyBackNumber(buyBack)}`,
    date: payout ? formatCalendarDate(payout.paidOn, locale, 'long') : NOT_PAID,
    paid: payout !== undefined,
    shop: letterhead(template.shopName, template.address, template.logo),
    seller: {
      name: seller.name,
      details: filledIn([seller.company, seller.email, seller.phone]),
      identification,
    },
    items: { columns, rows },
    total: {
      label: payout ? 'Total paid' : 'Estimated total',
      value: money(payout ? payout.amount : buyBackTotal(buyBack)),
    },
    payment,
    tradeIn: payout?.tradeInPurchaseId ? tradeInSection(buyBack, payout.tradeInPurchaseId, input) : null,
    terms: nonEmptyLines(template.terms),
    signatures: [...SIGNATURES],
  };
}

/**
 * The purchase the trade-in is netted against, the credit, and the difference. A trade-in whose
 * purchase is missing or in another currency is the caller's mistake, not something to print.
 */
function tradeInSection(buyBack: BuyBack, purchaseId: string, input: ReceiptLayoutInput): ReceiptTradeIn {
  const purchase = input.tradeIn;
  if (!purchase || purchase.id !== purchaseId) {
    throw new Error(`The receipt needs the purchase this trade-in is netted against (${purchaseId}).`);
  }
  if (purchase.currency !== buyBack.currency) {
    throw new Error(
      `The trade-in is in ${buyBack.currency} but the purchase in ${purchase.currency}: they cannot be netted.`,
    );
  }
  const money = (amount: Money) => formatMoney(amount, input.locale);
  const purchaseTotal = recordTotal(purchase);
  const credit = buyBackTotal(buyBack);
  const owed = purchaseTotal.minor - credit.minor;
  const difference =
    owed > 0
      ? `Customer pays ${money({ minor: owed, currency: buyBack.currency })}`
      : owed < 0
        ? `Shop pays ${money({ minor: -owed, currency: buyBack.currency })}`
        : 'Even';
  return {
    heading: `Trade-in against the purchase of ${formatCalendarDate(purchase.purchaseDate, input.locale, 'long')}`,
    purchase: {
      columns: [
        { label: 'Item', align: 'left' },
        { label: 'Quantity', align: 'right' },
        { label: 'Price', align: 'right' },
        { label: 'Total', align: 'right' },
      ],
      rows: purchase.lines.map((line) => [
        line.name,
        line.quantity.toLocaleString(input.locale),
        money(line.unitPrice),
        money(lineTotal(line)),
      ]),
    },
    totals: [
      { label: 'Purchase total', value: money(purchaseTotal) },
      { label: 'Trade-in credit', value: money({ minor: -credit.minor, currency: credit.currency }) },
    ],
    difference,
  };
}
