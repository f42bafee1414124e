import { z } from 'zod';
import type { PageFields } from '../adapters/adapter';
import type { Detection } from '../adapters/detect';
import { parseRecipe, parseRecipeDraft } from '../adapters/taught';
import { parseContactSnapshot, SNAPSHOT_LIMITS } from '../domain/contact-snapshot';
import { errorMessage } from '../domain/errors';

/**
 * Schemas for what crosses a message boundary. Snapshots and recipes have hand-written parsers
 * (the content script cannot afford zod); these wrap them so the receiver runs the same checks.
 */
function fromParser<T>(parse: (raw: unknown) => T) {
  return z.unknown().transform((raw, context): T => {
    try {
      return parse(raw);
    } catch (error) {
      context.issues.push({ code: 'custom', message: errorMessage(error), input: raw });
      return z.NEVER;
    }
  });
}

export const ContactSnapshotSchema = fromParser(parseContactSnapshot);
export const RecipeSchema = fromParser(parseRecipe);
export const RecipeDraftSchema = fromParser(parseRecipeDraft);

const fieldText = (field: keyof typeof SNAPSHOT_LIMITS) => z.string().max(SNAPSHOT_LIMITS[field]).optional();

export const PageFieldsSchema: z.ZodType<PageFields> = z.object({
  name: fieldText('name'),
  email: fieldText('email'),
  phone: fieldText('phone'),
  company: fieldText('company'),
  externalId: fieldText('externalId'),
  role: z.enum(['customer', 'supplier']).optional(),
});

const DetectionSource = z.object({
  kind: z.enum(['adapter', 'taught', 'generic']),
  id: z.string().max(100),
  name: z.string().max(200),
});

export const DetectionSchema: z.ZodType<Detection> = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  z.object({
    status: z.literal('found'),
    source: DetectionSource,
    snapshot: ContactSnapshotSchema,
    confidence: z.number().min(0).max(1),
  }),
  z.object({
    status: z.literal('broken'),
    source: DetectionSource,
    reason: z.string().max(500),
    partial: PageFieldsSchema,
  }),
]);
