import { z } from 'zod';
import { BUY_BACK_TEXT_LIMITS } from './buyback';
import { serialKey } from './imei';
import { RecordBase } from './record';
import { message } from './zod-message';

/** A device the shop must not buy (reported stolen, blacklisted): payout is blocked, with the reason. */
export const DoNotBuyEntry = RecordBase.extend({
  serial: z.string().trim().min(1, message('domain_do_not_buy_serial')).max(BUY_BACK_TEXT_LIMITS.serial),
  serialKey: z.string().min(1),
  reason: z.string().trim().min(1, message('domain_do_not_buy_reason')).max(500),
});
export type DoNotBuyEntry = z.infer<typeof DoNotBuyEntry>;

export interface DoNotBuyHit {
  itemId: string;
  description: string;
  serial: string;
  reason: string;
}

/** The items whose serial is on the list, each with the list's reason. */
export function doNotBuyHits(
  items: readonly { id: string; description: string; serial?: string | undefined }[],
  list: readonly Pick<DoNotBuyEntry, 'serialKey' | 'reason' | 'deletedAt'>[],
): DoNotBuyHit[] {
  const reasons = new Map(
    list.filter((entry) => entry.deletedAt === undefined).map((entry) => [entry.serialKey, entry.reason]),
  );
  const hits: DoNotBuyHit[] = [];
  for (const item of items) {
    if (!item.serial) continue;
    const reason = reasons.get(serialKey(item.serial));
    if (reason !== undefined)
      hits.push({ itemId: item.id, description: item.description, serial: item.serial, reason });
  }
  return hits;
}
