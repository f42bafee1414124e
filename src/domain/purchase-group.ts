import { z } from 'zod';
import { CalendarDate } from './dates';
import { CurrencyCode } from './money';
import { MAX_NOTE_LENGTH, PurchaseKind, PurchaseLine } from './purchase';
import { RecordBase } from './record';
import { message } from './zod-message';

/** Who got what from a group order: one contact and the record made for them. */
export const GroupShare = z.object({
  contactId: z.uuid(),
  recordId: z.uuid(),
});
export type GroupShare = z.infer<typeof GroupShare>;

/**
 * One order entered once and divided among several contacts. Each share is an ordinary
 * purchase record (with `groupId`); the group keeps the order as it was entered.
 */
export const PurchaseGroup = RecordBase.extend({
  kind: PurchaseKind,
  purchaseDate: CalendarDate,
  currency: CurrencyCode,
  lines: z.array(PurchaseLine).min(1),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  shares: z.array(GroupShare).min(2, message('domain_group_at_least_two')),
});
export type PurchaseGroup = z.infer<typeof PurchaseGroup>;
