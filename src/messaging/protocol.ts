import { z } from 'zod';
import { Money } from '../domain/money';
import { Product } from '../domain/product';
import { isSiteMode } from '../domain/site-setting';
import { DetectionSchema, PageFieldsSchema, RecipeDraftSchema, RecipeSchema } from './schemas';

/**
 * The one protocol: every message name, who may send it, and what its request and response are.
 * The receiver parses the request; the sender parses the response. (The few messages the worker
 * sends *to* a tab are in tab-messages.ts: the content script parses those without zod.)
 *
 * `from` is judged by what the browser sets on the sender (see sender.ts), never by the message:
 * - "content": a content script in a back-office tab;
 * - "extension-page": one of Tally's own pages (sidebar, dashboard, toolbar popup).
 *
 * `effect` says what a message may change: "reads" (nothing stored; it reads, or starts
 * something the user then drives), "one" (one record or setting, for the page that sent it),
 * "bulk" (many records at once, or destroys any). Bulk and destructive work is accepted from
 * extension pages only: the router checks that too, whatever `from` says.
 *
 * Requests are strict: a field the protocol does not name is refused, not silently dropped.
 *
 * The content script imports only the types of this file: zod is not in its bundle, and it
 * checks the responses it gets with content-replies.ts.
 */
const SiteMode = z.custom<'on' | 'never-capture' | 'off'>(isSiteMode);
const CaptureOutcome = z.enum(['captured', 'updated', 'unchanged']);

/**
 * A product read from a back-office page, cleaned and checked by the worker (product-handlers.ts):
 * within the catalog's limits, and a price only when its amount and currency are both known.
 */
export const ProductSnapshotSchema = z.object({
  /** Which product reader found it. */
  reader: z.string().max(100),
  sku: Product.shape.sku.optional(),
  name: Product.shape.name,
  price: Money.refine((money) => money.minor >= 0, 'A price cannot be negative').optional(),
  category: Product.shape.category,
  barcode: Product.shape.barcode,
});
export type ProductSnapshot = z.infer<typeof ProductSnapshotSchema>;

/** What the page beside a sidebar shows, as its content script last reported it. */
export const PageContextSchema = z.object({
  /** The page's address, as the browser reported the sender: not as the page claims. */
  url: z.string(),
  detection: DetectionSchema,
  /** Fields the user picked on the page from the context menu, to prefill the contact form. */
  draft: PageFieldsSchema,
});
export type PageContext = z.infer<typeof PageContextSchema>;

/**
 * The tab a Tally page without a tab of its own (the side panel) acts on. Honoured only from
 * such a page: a tab's own pages act on their tab (see targetTab in sender.ts).
 */
export const TabRequestSchema = z.strictObject({ tabId: z.number().int().nonnegative().optional() });

/** The longest origin a Tally page may name (browsers cap URLs near 2 MB; origins are short). */
const MAX_ORIGIN_LENGTH = 2048;

export type MessageEffect = 'reads' | 'one' | 'bulk';

export const protocol = {
  /** What this tab's content script needs before it can detect: the site's mode and recipes. */
  'page.siteConfig': {
    from: 'content',
    effect: 'reads',
    request: z.strictObject({}),
    response: z.object({ mode: SiteMode, recipes: z.array(RecipeSchema) }),
  },
  /** The content script's detection changed (another customer, none any more, or broken). */
  'page.contactDetected': {
    from: 'content',
    effect: 'one',
    request: z.strictObject({ detection: DetectionSchema }),
    response: z.object({}),
  },
  /**
   * The launcher's `Capture contact`: capture what this tab detected. The request carries no
   * contact: the worker captures what the content script reported, so nothing else can be sent.
   */
  'page.capture': {
    from: 'content',
    effect: 'one',
    request: z.strictObject({}),
    response: z.union([
      z.object({ outcome: CaptureOutcome, name: z.string() }),
      /** Not sure enough to capture silently: the user confirms in the sidebar. */
      z.object({ outcome: z.literal('confirm') }),
    ]),
  },
  /** The teach picker in this tab finished: store the recipe for this tab's origin. */
  'teach.recipeLearned': {
    from: 'content',
    effect: 'one',
    request: z.strictObject({ draft: RecipeDraftSchema }),
    response: z.object({ recipeId: z.string() }),
  },
  /** The sidebar asks what the page it sits beside shows (in the side panel: the active tab). */
  'page.getContext': {
    from: 'extension-page',
    effect: 'reads',
    request: TabRequestSchema,
    response: z.object({ tabId: z.number(), context: PageContextSchema.nullable() }),
  },
  /** The sidebar's `Teach Tally this page`: start the picker in its tab (or the panel's). */
  'teach.start': {
    from: 'extension-page',
    effect: 'reads',
    request: TabRequestSchema,
    response: z.object({}),
  },
  /** A site's settings or recipes changed: its open tabs detect again. */
  'sites.changed': {
    from: 'extension-page',
    effect: 'one',
    request: z.strictObject({ origin: z.string().max(MAX_ORIGIN_LENGTH) }),
    response: z.object({}),
  },
  /** The sidebar's `Capture product`: read the product on its tab's page. Writes nothing. */
  'product.readPage': {
    from: 'extension-page',
    effect: 'reads',
    request: TabRequestSchema,
    response: z.union([
      z.object({ product: ProductSnapshotSchema }),
      /** No product on the page, or one Tally cannot take as it is: `reason` says which. */
      z.object({ product: z.null(), reason: z.string().max(500) }),
    ]),
  },
  /**
   * The page wrote a reconcile job and its file into the database (src/db/reconcile-start.ts):
   * the worker runs it in the background and answers at once. The page follows the job's
   * progress in the database and sends this again if the job stalls (a stopped worker is woken
   * by it and resumes). Bulk work: extension pages only.
   */
  'reconcile.run': {
    from: 'extension-page',
    effect: 'bulk',
    request: z.strictObject({ jobId: z.uuid() }),
    response: z.object({}),
  },
} as const satisfies Record<
  string,
  { from: 'content' | 'extension-page'; effect: MessageEffect; request: z.ZodType; response: z.ZodType }
>;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
// Requests are sent already in their parsed shape (the parsers accept their own output).
export type RequestOf<N extends MessageName> = z.output<Protocol[N]['request']>;
export type ResponseOf<N extends MessageName> = z.output<Protocol[N]['response']>;
export type ContentMessageName = {
  [N in MessageName]: Protocol[N]['from'] extends 'content' ? N : never;
}[MessageName];

/** Data as a message carries it: a class instance (a Date, say) is not a request. */
function isPlainData(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** What travels: the name and the request, nothing else. */
export const Envelope = z.strictObject({
  type: z.string().max(100),
  request: z.unknown().refine(isPlainData),
});

/** What comes back: the response, or a refusal the sender can show. */
export type Reply<T> = { ok: true; response: T } | { ok: false; error: string };
