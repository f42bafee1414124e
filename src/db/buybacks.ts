import { z } from 'zod';
import { BuyBack, BuyBackItem, LogEntry, SellerId, BUY_BACK_STATUS_LABELS } from '../domain/buyback';
import { applyStep, type BuyBackStep } from '../domain/buyback-status';
import { nowInstant } from '../domain/dates';
import { t } from '../domain/i18n';
import type { CurrencyCode } from '../domain/money';
import type { TallyDatabase } from './database';
import { catalogCurrency } from './products';

/** Refused by the buy-back's rules: the message is for the user, and nothing was written. */
export class BuyBackRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuyBackRefused';
  }
}

/** The currency a new buy-back is in: the catalog's, as the items will be sold from it. */
const FALLBACK_CURRENCY: CurrencyCode = 'USD';

/**
 * Starts a buy-back for a contact, as an Estimate with the next running number (numbered inside
 * the transaction, so two tabs never share one). Idempotent on `id` when the caller chose it:
 * the same start sent again returns the buy-back it made.
 */
export async function createBuyBack(
  db: TallyDatabase,
  contactId: string,
  id: string = crypto.randomUUID(),
): Promise<BuyBack> {
  const currency = (await catalogCurrency(db)) ?? FALLBACK_CURRENCY;
  return db.transaction('rw', db.contacts, db.buyBacks, async () => {
    const started = await db.buyBacks.get(id);
    if (started) return started;
    const contact = await db.contacts.get(contactId);
    if (!contact || contact.deletedAt !== undefined) throw new BuyBackRefused(t('db_contact_gone'));
    const last = await db.buyBacks.orderBy('number').last();
    const now = nowInstant();
    const buyBack = BuyBack.parse({
      id,
      createdAt: now,
      updatedAt: now,
      number: (last?.number ?? 0) + 1,
      contactId,
      status: 'estimate',
      currency,
      seller: {},
      notes: '',
      items: [],
      log: [{ at: now, kind: 'status', text: t('db_estimate_started', contact.name) }],
    });
    await db.buyBacks.add(buyBack);
    return buyBack;
  });
}

/** An item as the estimate form gives it; the store keeps its id or gives it one. */
export const ItemDraft = BuyBackItem.pick({
  inventoryItemId: true,
  description: true,
  serial: true,
  condition: true,
  notes: true,
  price: true,
}).extend({ id: z.uuid().optional() });
export type ItemDraft = z.input<typeof ItemDraft>;

/**
 * Saves what an estimate says: the seller's identification and the items with their prices. Only
 * an Estimate can change these; once paid, the receipt and the dealer report depend on them.
 */
export async function saveEstimate(
  db: TallyDatabase,
  id: string,
  changes: { seller: z.input<typeof SellerId>; items: readonly ItemDraft[] },
): Promise<BuyBack> {
  return changeBuyBack(db, id, (buyBack, at) => {
    if (buyBack.status !== 'estimate') {
      throw new BuyBackRefused(t('db_fixed_once_paid', BUY_BACK_STATUS_LABELS[buyBack.status]));
    }
    const items = changes.items.map((draft) => ({
      ...stripEmpty(ItemDraft.parse(draft)),
      id: draft.id ?? crypto.randomUUID(),
      stage: 'bought' as const,
    }));
    return { ...buyBack, seller: stripEmpty(SellerId.parse(changes.seller)), items, updatedAt: at };
  });
}

/** General notes stay editable at every stage. */
export async function saveBuyBackNotes(db: TallyDatabase, id: string, notes: string): Promise<BuyBack> {
  return changeBuyBack(db, id, (buyBack, at) => ({ ...buyBack, notes, updatedAt: at }));
}

/** Adds a comment to the buy-back's log. */
export async function addBuyBackComment(db: TallyDatabase, id: string, text: string): Promise<BuyBack> {
  return changeBuyBack(db, id, (buyBack, at) => ({
    ...buyBack,
    log: [...buyBack.log, LogEntry.parse({ at, kind: 'comment', text })],
    updatedAt: at,
  }));
}

/** Adds a line to one item's refurb log. */
export async function addRefurbNote(
  db: TallyDatabase,
  id: string,
  itemId: string,
  text: string,
): Promise<BuyBack> {
  return changeBuyBack(db, id, (buyBack, at) => {
    const item = buyBack.items.find((each) => each.id === itemId);
    if (!item?.refurb || item.refurb.finishedAt) throw new BuyBackRefused(t('db_no_refurb_in_progress'));
    const refurb = {
      ...item.refurb,
      log: [...item.refurb.log, LogEntry.parse({ at, kind: 'comment', text })],
    };
    return {
      ...buyBack,
      items: buyBack.items.map((each) => (each.id === itemId ? { ...item, refurb } : each)),
      updatedAt: at,
    };
  });
}

/**
 * Applies one step of the state machine and stores the result, or throws BuyBackRefused with the
 * machine's reason and writes nothing. Steps with more to write (payout, products, inventory)
 * go through their own functions, which call this inside their transaction.
 */
export async function applyBuyBackStep(db: TallyDatabase, id: string, step: BuyBackStep): Promise<BuyBack> {
  return changeBuyBack(db, id, (buyBack, at) => {
    const result = applyStep(buyBack, step, at);
    if (!result.ok) throw new BuyBackRefused(result.reason);
    return result.buyBack;
  });
}

export async function completeBuyBack(db: TallyDatabase, id: string): Promise<BuyBack> {
  return applyBuyBackStep(db, id, { type: 'complete' });
}

/**
 * Deletes a buy-back (soft). One that was paid out needs `confirmed`; its log keeps an entry of
 * the deletion and the record stays in the database as the audit trail. Store credit already
 * granted stays on the contact's ledger: it was paid.
 */
export async function deleteBuyBack(
  db: TallyDatabase,
  id: string,
  options: { confirmed: boolean; reason?: string },
): Promise<BuyBack> {
  return changeBuyBack(db, id, (buyBack, at) => {
    const paid = buyBack.status !== 'estimate';
    if (paid && !options.confirmed) {
      throw new BuyBackRefused(t('db_confirm_delete_paid'));
    }
    const why = options.reason?.trim();
    const status = BUY_BACK_STATUS_LABELS[buyBack.status];
    const text = why ? t('db_deleted_while_because', status, why) : t('db_deleted_while', status);
    return {
      ...buyBack,
      deletedAt: at,
      updatedAt: at,
      log: [...buyBack.log, LogEntry.parse({ at, kind: 'event', text: text.slice(0, 2000) })],
    };
  });
}

/** Reads, changes and writes one buy-back in a transaction; the change is validated before it is written. */
export async function changeBuyBack(
  db: TallyDatabase,
  id: string,
  change: (buyBack: BuyBack, at: string) => BuyBack | Promise<BuyBack>,
): Promise<BuyBack> {
  return db.transaction('rw', db.buyBacks, async () => {
    const buyBack = await liveBuyBack(db, id);
    const next = BuyBack.parse(await change(buyBack, nowInstant()));
    await db.buyBacks.put(next);
    return next;
  });
}

/** The buy-back, or BuyBackRefused when it is gone. */
export async function liveBuyBack(db: TallyDatabase, id: string): Promise<BuyBack> {
  const buyBack = await db.buyBacks.get(id);
  if (!buyBack || buyBack.deletedAt !== undefined) throw new BuyBackRefused(t('db_buy_back_gone'));
  return buyBack;
}

export async function getBuyBack(db: TallyDatabase, id: string): Promise<BuyBack | undefined> {
  const buyBack = await db.buyBacks.get(id);
  return buyBack?.deletedAt === undefined ? buyBack : undefined;
}

/** Newest first. */
export async function listBuyBacks(db: TallyDatabase): Promise<BuyBack[]> {
  const all = await db.buyBacks.orderBy('number').reverse().toArray();
  return all.filter((buyBack) => buyBack.deletedAt === undefined);
}

export async function listContactBuyBacks(db: TallyDatabase, contactId: string): Promise<BuyBack[]> {
  const all = await db.buyBacks.where('contactId').equals(contactId).toArray();
  return all.filter((buyBack) => buyBack.deletedAt === undefined).sort((a, b) => b.number - a.number);
}

/** Optional text fields left empty are absent, not "". */
export function stripEmpty<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, each]) => each !== undefined && each !== ''),
  ) as T;
}
