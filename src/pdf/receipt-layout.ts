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
import { t } from '../domain/i18n';
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
import { paymentMethodLabel } from '../domain/payment-method';

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

/** What an estimate's receipt says instead of the payout day. */
export function notPaid(): string {
  return t('pdf_not_paid');
}

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

  const columns: DocumentColumn[] = [{ label: t('pdf_item'), align: 'left' }];
  if (show.serials) columns.push({ label: t('pdf_serial'), align: 'left' });
  if (show.condition) columns.push({ label: t('pdf_condition'), align: 'left' });
  columns.push({ label: t('pdf_price_paid'), align: 'right' });
  const rows = buyBack.items.map((item) => [
    item.description,
    ...(show.serials ? [item.serial ?? ''] : []),
    ...(show.condition ? [CONDITION_LABELS[item.condition]] : []),
    money(item.price),
  ]);

  const payment: DocumentField[] = [];
  if (payout) {
    payment.push({ label: t('pdf_payment_method'), value: paymentMethodLabel(payout.method) });
    if (show.reference && payout.reference) {
      payment.push({ label: t('pdf_reference'), value: payout.reference });
    }
    if (show.message && payout.message) payment.push({ label: t('pdf_message'), value: payout.message });
  }

  return {
    paper: paperFor(locale),
    title: t('pdf_receipt_title', buyBackNumber(buyBack)),
    date: payout ? formatCalendarDate(payout.paidOn, locale, 'long') : notPaid(),
    paid: payout !== undefined,
    shop: letterhead(template.shopName, template.address, template.logo),
    seller: {
      name: seller.name,
      details: filledIn([seller.company, seller.email, seller.phone]),
      identification,
    },
    items: { columns, rows },
    total: {
      label: payout ? t('pdf_total_paid') : t('pdf_estimated_total'),
      value: money(payout ? payout.amount : buyBackTotal(buyBack)),
    },
    payment,
    tradeIn: payout?.tradeInPurchaseId ? tradeInSection(buyBack, payout.tradeInPurchaseId, input) : null,
    terms: nonEmptyLines(template.terms),
    signatures: [t('pdf_seller_signature'), t('pdf_staff_signature')],
  };
}

/**
 * The purchase the trade-in is netted against, the credit, and the difference. A trade-in whose
 * purchase is missing or in another currency is the caller's mistake, not something to print.
 */
function tradeInSection(buyBack: BuyBack, purchaseId: string, input: ReceiptLayoutInput): ReceiptTradeIn {
  const purchase = input.tradeIn;
  if (!purchase || purchase.id !== purchaseId) {
    throw new Error(t('pdf_trade_in_purchase_missing', purchaseId));
  }
  if (purchase.currency !== buyBack.currency) {
    throw new Error(t('pdf_trade_in_other_currency', buyBack.currency, purchase.currency));
  }
  const money = (amount: Money) => formatMoney(amount, input.locale);
  const purchaseTotal = recordTotal(purchase);
  const credit = buyBackTotal(buyBack);
  const owed = purchaseTotal.minor - credit.minor;
  const difference =
    owed > 0
      ? t('pdf_customer_pays', money({ minor: owed, currency: buyBack.currency }))
      : owed < 0
        ? t('pdf_shop_pays', money({ minor: -owed, currency: buyBack.currency }))
        : t('pdf_even');
  return {
    heading: t('pdf_trade_in_heading', formatCalendarDate(purchase.purchaseDate, input.locale, 'long')),
    purchase: {
      columns: [
        { label: t('pdf_item'), align: 'left' },
        { label: t('pdf_quantity'), align: 'right' },
        { label: t('pdf_price'), align: 'right' },
        { label: t('pdf_total'), align: 'right' },
      ],
      rows: purchase.lines.map((line) => [
        line.name,
        line.quantity.toLocaleString(input.locale),
        money(line.unitPrice),
        money(lineTotal(line)),
      ]),
    },
    totals: [
      { label: t('pdf_purchase_total'), value: money(purchaseTotal) },
      { label: t('pdf_trade_in_credit'), value: money({ minor: -credit.minor, currency: credit.currency }) },
    ],
    difference,
  };
}
