import { z } from 'zod';
import { CalendarDate } from './dates';
import { BUY_BACK_TEXT_LIMITS, ConditionGrade } from './buyback';
import { Money } from './money';
import { RecordBase } from './record';

/**
 * One serialized device the shop has held: in stock, or sold and perhaps bought back again later.
 * Created when a bought item goes to inventory; a device bought back again keeps its record.
 */
export const InventoryItem = RecordBase.extend({
  description: z.string().trim().min(1).max(BUY_BACK_TEXT_LIMITS.description),
  serial: z.string().trim().max(BUY_BACK_TEXT_LIMITS.serial).optional(),
  /** serialKey(serial), for lookups. */
  serialKey: z.string().optional(),
  condition: ConditionGrade,
  status: z.enum(['in-stock', 'sold']),
  productId: z.uuid(),
  retailPrice: Money,
  /** The buy-back it last came in by. */
  buyBackId: z.uuid(),
  /** It may not be sold before this day (the shop's hold period). */
  sellableFrom: CalendarDate.optional(),
  /** The purchase it was last sold in. */
  soldInPurchaseId: z.uuid().optional(),
});
export type InventoryItem = z.infer<typeof InventoryItem>;
