/**
 * What a back office that embeds Tally may say to it: which customer is on screen. The host page
 * is someone else's code, so every message is parsed here, strictly, before anything reads it;
 * the contract is documented in the README ("Embedding Tally in a back office").
 */
import { z } from 'zod';
import { parseContactSnapshot, SNAPSHOT_LIMITS, type ContactSnapshot } from './contact-snapshot';
import { typedWebOrigin } from './back-office-origins';
import { message } from './zod-message';

/** The id the snapshot, the detection and the external ids carry for customers a host sent. */
export const EMBED_BACK_OFFICE = 'embed';

/** Longest origin kept in the allow list (a real one is a few dozen characters). */
const ORIGIN_LIMIT = 200;
/** More back offices than anyone embeds Tally in; the list is read on every message. */
export const EMBED_ORIGINS_LIMIT = 50;

const field = (limit: number) => z.string().max(limit).nullish();

/** The customer on the host's screen; `name` is the one field Tally cannot do without. */
export const EmbedCustomer = z.strictObject({
  id: field(SNAPSHOT_LIMITS.externalId),
  name: z.string().max(SNAPSHOT_LIMITS.name),
  email: field(SNAPSHOT_LIMITS.email),
  phone: field(SNAPSHOT_LIMITS.phone),
});
export type EmbedCustomer = z.infer<typeof EmbedCustomer>;

/** `{ tally: 1, type: 'customer', customer }`; `customer: null` says no customer is on screen. */
export const EmbedMessage = z.strictObject({
  tally: z.literal(1),
  type: z.literal('customer'),
  customer: EmbedCustomer.nullable(),
});
export type EmbedMessage = z.infer<typeof EmbedMessage>;

/** Whether `text` is exactly a web origin: http(s), a host, maybe a port, nothing after. */
export function isWebOrigin(text: string): boolean {
  if (text.length > ORIGIN_LIMIT) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}

/** One allowed back office, as the browser names a message's sender: `https://crm.example.com`. */
export const EmbedOrigin = z.string().refine(isWebOrigin, message('embed_not_an_origin'));

/** The allow list as stored (setting `embedOrigins`). */
export const EmbedOrigins = z
  .array(EmbedOrigin)
  .max(EMBED_ORIGINS_LIMIT, message('embed_too_many_origins', EMBED_ORIGINS_LIMIT));

/**
 * What the user typed, as an origin: "crm.example.com" → "https://crm.example.com", a full
 * address → its origin; null when it names no http(s) site.
 */
export function toEmbedOrigin(input: string): string | null {
  const origin = typedWebOrigin(input);
  return origin && isWebOrigin(origin) ? origin : null;
}

/** The message in `data`, or null when it is not one of Tally's (or not well formed). */
export function parseEmbedMessage(data: unknown): EmbedMessage | null {
  const parsed = EmbedMessage.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/**
 * The customer as a contact snapshot read on `origin`'s page, cleaned like any page text. Its
 * address is one per customer on that origin, so that another customer is another page (the
 * sidebar forgets a half-filled form), and the external id is kept per origin.
 */
export function embedSnapshot(customer: EmbedCustomer, origin: string): ContactSnapshot {
  const key = customer.id
    ? encodeURIComponent(customer.id)
    : `~${fnv1a([customer.name, customer.email ?? '', customer.phone ?? ''].join('\n'))}`;
  return parseContactSnapshot({
    backOffice: EMBED_BACK_OFFICE,
    externalId: customer.id ?? undefined,
    name: customer.name,
    email: customer.email ?? undefined,
    phone: customer.phone ?? undefined,
    url: `${origin}/#tally-customer/${key}`,
  });
}

/** A short stable tag for a customer the host gave no id (32-bit FNV-1a, hex). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
