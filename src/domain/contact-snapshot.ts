// zod/mini, not classic zod: the content script parses snapshots and must stay within 10 KB gzip.
import * as z from 'zod/mini';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * A contact as one back-office page shows it: plain text read from the page, so untrusted.
 * Adapters return `ContactSnapshot.parse(raw)`, and every receiver parses it again.
 */
export const ContactSnapshot = z.object({
  /** The adapter that read it, e.g. "northwind". */
  backOffice: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/)),
  /** The back office's own id for this customer, when the page shows one. */
  externalId: z.optional(text(100)),
  name: text(200),
  email: z.optional(z.string().check(z.trim(), z.maxLength(254), z.email())),
  phone: z.optional(text(50)),
  company: z.optional(text(200)),
  /** The page it was read from. */
  url: z.url({ protocol: /^https?$/ }),
});
export type ContactSnapshot = z.infer<typeof ContactSnapshot>;
