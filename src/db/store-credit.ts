import { nowInstant } from '../domain/dates';
import type { Money } from '../domain/money';
import { StoreCreditEntry } from '../domain/store-credit';
import type { TallyDatabase } from './database';

/**
 * Adds store credit to a contact's balance for a buy-back paid out in store credit. Called inside
 * the payout's transaction (whose scope includes `storeCredit`), so credit and payout land together.
 */
export async function grantStoreCredit(
  db: TallyDatabase,
  grant: { contactId: string; amount: Money; buyBackId: string; text: string },
): Promise<StoreCreditEntry> {
  const now = nowInstant();
  const entry = StoreCreditEntry.parse({
    id: crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    contactId: grant.contactId,
    amount: grant.amount,
    source: { kind: 'buy-back', buyBackId: grant.buyBackId },
    text: grant.text,
  });
  await db.storeCredit.add(entry);
  return entry;
}
