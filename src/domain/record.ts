import { z } from 'zod';
import { Instant } from './dates';

/** What every stored record carries: a stable id and its times; deletes are soft. */
export const RecordBase = z.object({
  id: z.uuid(),
  createdAt: Instant,
  updatedAt: Instant,
  deletedAt: Instant.optional(),
});
export type RecordBase = z.infer<typeof RecordBase>;
