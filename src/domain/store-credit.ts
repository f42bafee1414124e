import { z } from 'zod';
import { Money, type CurrencyCode } from './money';
import { RecordBase } from './record';
import { message } from './zod-message';

/**
 * One movement on a contact's store-credit balance: a buy-back paid out in store credit adds to
 * it, a purchase paid with it takes from it. The balance is the sum; entries are never edited.
 */
export const StoreCreditEntry = RecordBase.extend({
  contactId: z.uuid(),
  /** Positive: credit given; negative: credit spent. */
  amount: Money.refine((money) => money.minor !== 0, message('domain_ledger_moves_amount')),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('buy-back'), buyBackId: z.uuid() }),
    z.object({ kind: z.literal('purchase'), purchaseId: z.uuid() }),
    z.object({ kind: z.literal('reversal'), entryId: z.uuid() }),
  ]),
  text: z.string().max(500),
});
export type StoreCreditEntry = z.infer<typeof StoreCreditEntry>;

/** The balance in each currency the contact has credit in; zero balances are left out. */
export function creditBalances(entries: readonly StoreCreditEntry[]): Money[] {
  const totals = new Map<CurrencyCode, number>();
  for (const entry of entries) {
    if (entry.deletedAt !== undefined) continue;
    totals.set(entry.amount.currency, (totals.get(entry.amount.currency) ?? 0) + entry.amount.minor);
  }
  return [...totals]
    .filter(([, minor]) => minor !== 0)
    .map(([currency, minor]) => ({ minor, currency }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

export function creditBalance(entries: readonly StoreCreditEntry[], currency: CurrencyCode): Money {
  return creditBalances(entries).find((money) => money.currency === currency) ?? { minor: 0, currency };
}
