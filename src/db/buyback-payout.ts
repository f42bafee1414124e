import {
  buyBackNumber,
  buyBackTotal,
  BUY_BACK_STATUS_LABELS,
  SELLER_ID_FIELDS,
  SELLER_ID_LABELS,
  STORE_CREDIT,
  TRADE_IN,
  type BuyBack,
  type Payout,
} from '../domain/buyback';
import { applyStep } from '../domain/buyback-status';
import { nowInstant, todayLocal } from '../domain/dates';
import { doNotBuyHits, type DoNotBuyHit } from '../domain/do-not-buy';
import { t } from '../domain/i18n';
import { formatCalendarDate } from '../domain/locale-format';
import { formatMoney } from '../domain/money';
import { BuyBackRefused, liveBuyBack } from './buybacks';
import type { TallyDatabase } from './database';
import { readSetting } from './settings';
import { grantStoreCredit } from './store-credit';

/** What the `Pay out` form hands over. `payoutId` is chosen once per form, so a repeat is recognised. */
export interface PayoutRequest {
  payoutId: string;
  method: string;
  reference?: string;
  message?: string;
  /** A trade-in: the contact's purchase this buy-back is netted against. */
  tradeInPurchaseId?: string;
  /** The typed reason for paying although an item is on the do-not-buy list. */
  override?: string;
}

/** Payout blocked because items are on the do-not-buy list; an override with a typed reason may pay. */
export class DoNotBuyBlocked extends BuyBackRefused {
  constructor(readonly hits: readonly DoNotBuyHit[]) {
    super(
      t(
        'db_payout_blocked',
        hits.map((hit) => t('db_do_not_buy_hit', hit.description, hit.serial, hit.reason)).join('; '),
      ),
    );
    this.name = 'DoNotBuyBlocked';
  }
}

/**
 * Pays a buy-back out: checks the seller's identification against the shop's requirements, the
 * items against the do-not-buy list and the method against the shop's list, then in one
 * transaction marks it Paid, grants store credit when that is the method, and makes the seller a
 * supplier too. Idempotent: the same payout again returns the buy-back as it is; any other second
 * payout is refused and changes nothing.
 */
export async function payOutBuyBack(db: TallyDatabase, id: string, request: PayoutRequest): Promise<BuyBack> {
  return db.transaction(
    'rw',
    [db.buyBacks, db.contacts, db.storeCredit, db.doNotBuy, db.settings, db.purchases],
    async () => {
      const buyBack = await liveBuyBack(db, id);
      if (buyBack.payout?.id === request.payoutId) return buyBack;
      if (buyBack.status !== 'estimate') {
        throw new BuyBackRefused(
          t('db_already_paid', buyBackNumber(buyBack), BUY_BACK_STATUS_LABELS[buyBack.status]),
        );
      }
      await checkSellerId(db, buyBack);
      const override = request.override?.trim();
      const hits = doNotBuyHits(buyBack.items, await db.doNotBuy.toArray());
      if (hits.length > 0 && !override) throw new DoNotBuyBlocked(hits);
      await checkMethod(db, buyBack, request);

      const at = nowInstant();
      const payout: Payout = {
        id: request.payoutId,
        method: request.method.trim(),
        amount: buyBackTotal(buyBack),
        paidAt: at,
        paidOn: todayLocal(new Date(at)),
        ...optional('reference', request.reference),
        ...optional('message', request.message),
        ...optional('tradeInPurchaseId', request.tradeInPurchaseId),
        ...(hits.length > 0 && override ? { override } : {}),
      };
      const withOverride: BuyBack =
        hits.length > 0 && override
          ? {
              ...buyBack,
              log: [
                ...buyBack.log,
                {
                  at,
                  kind: 'event',
                  text: t(
                    'db_do_not_buy_overridden',
                    hits.map((hit) => hit.serial).join(', '),
                    override,
                  ).slice(0, 2000),
                },
              ],
            }
          : buyBack;
      const result = applyStep(withOverride, { type: 'payOut', payout }, at);
      if (!result.ok) throw new BuyBackRefused(result.reason);
      await db.buyBacks.put(result.buyBack);

      if (payout.method === STORE_CREDIT && payout.amount.minor > 0) {
        await grantStoreCredit(db, {
          contactId: buyBack.contactId,
          amount: payout.amount,
          buyBackId: buyBack.id,
          text: t('db_buy_back_number', buyBackNumber(buyBack)),
        });
      }
      // Someone the shop buys from is a supplier as well as a customer.
      const contact = await db.contacts.get(buyBack.contactId);
      if (contact && contact.role === 'customer') {
        await db.contacts.put({ ...contact, role: 'both', updatedAt: at });
      }
      return result.buyBack;
    },
  );
}

async function checkSellerId(db: TallyDatabase, buyBack: BuyBack): Promise<void> {
  const required = await readSetting(db, 'requiredSellerId');
  const missing = SELLER_ID_FIELDS.filter((field) => required.includes(field) && !buyBack.seller[field]);
  if (missing.length > 0) {
    throw new BuyBackRefused(
      t('db_seller_id_incomplete', missing.map((field) => SELLER_ID_LABELS[field]).join(', ')),
    );
  }
  const expiry = buyBack.seller.idExpiry;
  if (expiry && expiry < todayLocal()) {
    throw new BuyBackRefused(t('db_seller_id_expired', formatCalendarDate(expiry)));
  }
}

async function checkMethod(db: TallyDatabase, buyBack: BuyBack, request: PayoutRequest): Promise<void> {
  const method = request.method.trim();
  if (method === TRADE_IN && !request.tradeInPurchaseId) {
    throw new BuyBackRefused(t('db_trade_in_choose_purchase'));
  }
  if (request.tradeInPurchaseId) {
    if (method !== TRADE_IN) throw new BuyBackRefused(t('db_trade_in_method', t('buyback_method_trade_in')));
    const purchase = await db.purchases.get(request.tradeInPurchaseId);
    if (!purchase || purchase.deletedAt !== undefined || purchase.contactId !== buyBack.contactId) {
      throw new BuyBackRefused(t('db_trade_in_not_contacts_order'));
    }
    if (purchase.currency !== buyBack.currency) {
      throw new BuyBackRefused(t('db_trade_in_currencies', purchase.currency, buyBack.currency));
    }
    const netted = await db.buyBacks
      .filter((other) => other.payout?.tradeInPurchaseId === purchase.id)
      .first();
    if (netted && netted.deletedAt === undefined) {
      throw new BuyBackRefused(t('db_trade_in_already_netted', buyBackNumber(netted)));
    }
    return;
  }
  const methods = await readSetting(db, 'paymentMethods');
  if (!methods.includes(method)) {
    throw new BuyBackRefused(t('db_not_a_payment_method', method, methods.join(', ')));
  }
  if (method === STORE_CREDIT && buyBackTotal(buyBack).minor === 0) {
    throw new BuyBackRefused(t('db_nothing_to_credit', formatMoney(buyBackTotal(buyBack))));
  }
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const trimmed = value?.trim();
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
}
