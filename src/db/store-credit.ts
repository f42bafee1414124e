import { Dexie } from 'dexie';
import { nowInstant } from '../domain/dates';
import { t } from '../domain/i18n';
import { formatMoney, type CurrencyCode, type Money } from '../domain/money';
import type { PurchaseRecord } from '../domain/purchase';
import { StoreCreditEntry, creditBalance, creditBalances } from '../domain/store-credit';
import type { TallyDatabase } from './database';

/**
 * Adds store credit to a contact's balance for a buy-back paid out in store credit. Called inside
 * the payout's transaction (whose scope includes `storeCredit`), so credit and payout land together.
 */
export async function grantStoreCredit(
  db: TallyDatabase,
  grant: { contactId: string; amount: Money; buyBackId: string; text: string },
): Promise<StoreCreditEntry> {
  return addEntry(db, {
    contactId: grant.contactId,
    amount: grant.amount,
    source: { kind: 'buy-back', buyBackId: grant.buyBackId },
    text: grant.text,
  });
}

/** A contact's store-credit ledger, newest first. */
export async function listContactCredit(db: TallyDatabase, contactId: string): Promise<StoreCreditEntry[]> {
  const entries = await db.storeCredit
    .where('[contactId+createdAt]')
    .between([contactId, Dexie.minKey], [contactId, Dexie.maxKey])
    .reverse()
    .toArray();
  return entries.filter((entry) => entry.deletedAt === undefined);
}

/** What the contact has in store credit, one amount per currency; none when nothing is left. */
export async function contactCreditBalances(db: TallyDatabase, contactId: string): Promise<Money[]> {
  return creditBalances(await listContactCredit(db, contactId));
}

export async function contactCreditBalance(
  db: TallyDatabase,
  contactId: string,
  currency: CurrencyCode,
): Promise<Money> {
  return creditBalance(await listContactCredit(db, contactId), currency);
}

/** What just happened to an order whose store credit the ledger must follow. */
export type PurchaseCreditChange = 'recorded' | 'edited' | 'deleted' | 'restored';

/** The ledger's line for a change to the order of `date`. */
function changeText(change: PurchaseCreditChange, date: string): string {
  switch (change) {
    case 'recorded':
      return t('db_credit_spent_on', date);
    case 'edited':
      return t('db_credit_changed_on', date);
    case 'deleted':
      return t('db_credit_given_back', date);
    case 'restored':
      return t('db_credit_spent_again', date);
  }
}

/**
 * Makes the ledger agree with an order as it now stands: a live order holds the store credit its
 * payment uses, a deleted one holds none. Writes the difference as one entry per currency (a
 * `reversal` when all of it comes back). Re-reads the balance first and throws, writing nothing,
 * when the contact does not have the credit the order needs. Call it inside the transaction that
 * writes the order, with `storeCredit` in its scope, so both land or neither does.
 */
export async function settlePurchaseCredit(
  db: TallyDatabase,
  purchase: PurchaseRecord,
  change: PurchaseCreditChange,
): Promise<StoreCreditEntry[]> {
  const ledger = (await db.storeCredit.where('contactId').equals(purchase.contactId).toArray()).filter(
    (entry) => entry.deletedAt === undefined,
  );
  const own = ledger.filter(
    (entry) => entry.source.kind === 'purchase' && entry.source.purchaseId === purchase.id,
  );
  const ownIds = new Set(own.map((entry) => entry.id));
  const linked = ledger.filter(
    (entry) => ownIds.has(entry.id) || (entry.source.kind === 'reversal' && ownIds.has(entry.source.entryId)),
  );
  const wanted = purchase.deletedAt === undefined ? purchase.payment?.storeCredit : undefined;
  const currencies = new Set(linked.map((entry) => entry.amount.currency));
  if (wanted) currencies.add(wanted.currency);

  const written: StoreCreditEntry[] = [];
  for (const currency of [...currencies].sort()) {
    // What the order holds now (credit spent on it and not given back), and what it should hold.
    const held = -creditBalance(linked, currency).minor;
    const target = wanted?.currency === currency ? wanted.minor : 0;
    const more = target - held;
    if (more === 0) continue;
    if (more > 0) {
      const balance = creditBalance(ledger, currency).minor;
      if (balance < more) {
        throw new Error(
          t(
            'db_credit_short',
            formatMoney({ minor: balance + held, currency }),
            formatMoney({ minor: target, currency }),
          ),
        );
      }
    }
    const spent = own.filter((entry) => entry.amount.currency === currency && entry.amount.minor < 0);
    const last = spent.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    written.push(
      await addEntry(db, {
        contactId: purchase.contactId,
        amount: { minor: -more, currency },
        source:
          target === 0 && last
            ? { kind: 'reversal', entryId: last.id }
            : { kind: 'purchase', purchaseId: purchase.id },
        text: changeText(change, purchase.purchaseDate),
      }),
    );
  }
  return written;
}

async function addEntry(
  db: TallyDatabase,
  entry: Pick<StoreCreditEntry, 'contactId' | 'amount' | 'source' | 'text'>,
): Promise<StoreCreditEntry> {
  const now = nowInstant();
  const parsed = StoreCreditEntry.parse({
    id: crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    ...entry,
  });
  await db.storeCredit.add(parsed);
  return parsed;
}
