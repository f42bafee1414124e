import { z } from 'zod';
import { Contact } from './contact';
import { Instant } from './dates';

/**
 * One applied contacts import, kept so it can be undone as a whole: the contacts it created,
 * and every contact it updated as it was just before. `createdAt` is also the `updatedAt` it
 * gave every contact it wrote, which is how undoing tells a contact changed since.
 */
export const ContactImportBatch = z.object({
  id: z.uuid(),
  createdAt: Instant,
  fileName: z.string().max(500),
  /** SHA-256 of the file's bytes (hex): the same file again is recognised. */
  fileHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdIds: z.array(z.uuid()),
  updatedBefore: z.array(Contact),
  counts: z.object({
    created: z.number().int().min(0),
    updated: z.number().int().min(0),
    unchanged: z.number().int().min(0),
    rejected: z.number().int().min(0),
  }),
  /**
   * The history entries the import wrote ("Added", "Imported"), which undoing it takes back.
   * Absent on batches that wrote none.
   */
  eventIds: z.array(z.uuid()).optional(),
  undoneAt: Instant.optional(),
});
export type ContactImportBatch = z.infer<typeof ContactImportBatch>;
