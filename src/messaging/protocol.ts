// zod/mini: the content script sends these messages and must stay within 10 KB gzip.
import * as z from 'zod/mini';
import { ContactSnapshot } from '../domain/contact-snapshot';

/**
 * The one protocol: every message name, who may send it, and what its request and response are.
 * The receiver parses the request; the sender parses the response.
 *
 * `from` is judged by what the browser sets on the sender (see sender.ts), never by the message:
 * - "content": a content script in a back-office tab;
 * - "extension-page": one of Tally's own pages (sidebar, dashboard).
 */
export const protocol = {
  /** The content script saw a customer on its page (or none any more, after navigating). */
  'page.contactDetected': {
    from: 'content',
    request: z.object({ snapshot: z.nullable(ContactSnapshot) }),
    response: z.object({}),
  },
  /** The sidebar asks which customer the page it sits beside shows. */
  'page.getContext': {
    from: 'extension-page',
    request: z.object({}),
    response: z.object({ tabId: z.number(), snapshot: z.nullable(ContactSnapshot) }),
  },
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = z.infer<Protocol[N]['request']>;
export type ResponseOf<N extends MessageName> = z.infer<Protocol[N]['response']>;

/** What travels: the name and the request. */
export const Envelope = z.object({ type: z.string(), request: z.unknown() });

/** What comes back: the response, or a refusal the sender can show. */
export type Reply<T> = { ok: true; response: T } | { ok: false; error: string };
