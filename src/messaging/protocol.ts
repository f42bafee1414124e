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
export const TabRequestSchema = z.object({ tabId: z.number().int().nonnegative().optional() });

export const protocol = {
  /** What this tab's content script needs before it can detect: the site's mode and recipes. */
  'page.siteConfig': {
    from: 'content',
    request: z.object({}),
    response: z.object({ mode: SiteMode, recipes: z.array(RecipeSchema) }),
  },
  /** The content script's detection changed (another customer, none any more, or broken). */
  'page.contactDetected': {
    from: 'content',
    request: z.object({ detection: DetectionSchema }),
    response: z.object({}),
  },
  /**
   * The launcher's `Capture contact`: capture what this tab detected. The request carries no
   * contact: the worker captures what the content script reported, so nothing else can be sent.
   */
  'page.capture': {
    from: 'content',
    request: z.object({}),
    response: z.union([
      z.object({ outcome: CaptureOutcome, name: z.string() }),
      /** Not sure enough to capture silently: the user confirms in the sidebar. */
      z.object({ outcome: z.literal('confirm') }),
    ]),
  },
  /** The teach picker in this tab finished: store the recipe for this tab's origin. */
  'teach.recipeLearned': {
    from: 'content',
    request: z.object({ draft: RecipeDraftSchema }),
    response: z.object({ recipeId: z.string() }),
  },
  /** The sidebar asks what the page it sits beside shows (in the side panel: the active tab). */
  'page.getContext': {
    from: 'extension-page',
    request: TabRequestSchema,
    response: z.object({ tabId: z.number(), context: PageContextSchema.nullable() }),
  },
  /** The sidebar's `Teach Tally this page`: start the picker in its tab (or the panel's). */
  'teach.start': {
    from: 'extension-page',
    request: TabRequestSchema,
    response: z.object({}),
  },
  /** A site's settings or recipes changed: its open tabs detect again. */
  'sites.changed': {
    from: 'extension-page',
    request: z.object({ origin: z.string() }),
    response: z.object({}),
  },
  /** The sidebar's `Capture product`: read the product on its tab's page. Writes nothing. */
  'product.readPage': {
    from: 'extension-page',
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
    request: z.object({ jobId: z.uuid() }),
    response: z.object({}),
  },
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
// Requests are sent already in their parsed shape (the parsers accept their own output).
export type RequestOf<N extends MessageName> = z.output<Protocol[N]['request']>;
export type ResponseOf<N extends MessageName> = z.output<Protocol[N]['response']>;
export type ContentMessageName = {
  [N in MessageName]: Protocol[N]['from'] extends 'content' ? N : never;
}[MessageName];

/** What travels: the name and the request. */
export const Envelope = z.object({ type: z.string(), request: z.unknown() });

/** What comes back: the response, or a refusal the sender can show. */
export type Reply<T> = { ok: true; response: T } | { ok: false; error: string };
