/**
 * A contact as one back-office page shows it: plain text read from the page, so untrusted.
 * Adapters return `parseContactSnapshot(raw)`, and every receiver parses it again.
 *
 * Hand-written rather than zod: the content script parses snapshots and must stay within
 * 10 KB gzip, and zod/mini alone is 6 KB.
 */
import { t } from './i18n';

export interface ContactSnapshot {
  /** What read it: a built-in adapter's id ("northwind"), "taught" or "generic". */
  backOffice: string;
  /** The back office's own id for this customer, when the page shows one. */
  externalId?: string;
  name: string;
  email?: string;
  phone?: string;
  company?: string;
  /** Set by back offices that keep customers and suppliers in one list. */
  role?: 'customer' | 'supplier';
  /** The page it was read from. */
  url: string;
}

export type SnapshotField = 'name' | 'email' | 'phone' | 'company' | 'externalId';

/** Longest text kept per field; a longer value is cut, not rejected (pages can be hostile). */
export const SNAPSHOT_LIMITS: Readonly<Record<SnapshotField, number>> = {
  name: 200,
  email: 254,
  phone: 50,
  company: 200,
  externalId: 100,
};

const URL_LIMIT = 2048;

/** A snapshot field the page did not fill as expected; `field` is the path, as zod would give it. */
export class SnapshotError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(t('domain_snapshot_problem', field, problem));
    this.name = 'SnapshotError';
  }
}

// Control characters, and the bidi embeddings, overrides and isolates that can make text render
// in another order than it is stored (RTL letters themselves are kept).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Page text as Tally keeps it: controls removed, whitespace collapsed, trimmed, at most `max`
 * characters (never cutting an emoji in half). Undefined when nothing is left.
 */
export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Cut early so a 100 KB name costs no more than a short one.
  const text = value
    .slice(0, max * 4)
    .replace(INVISIBLE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return undefined;
  if (text.length <= max) return text;
  return Array.from(text).slice(0, max).join('').trim();
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

/** Whether `text` reads as one email address. */
export function isEmail(text: string): boolean {
  return text.length <= SNAPSHOT_LIMITS.email && EMAIL.test(text);
}

function optionalText(raw: Record<string, unknown>, field: SnapshotField): string | undefined {
  const value = raw[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SnapshotError(field, t('domain_snapshot_expected_text'));
  return cleanText(value, SNAPSHOT_LIMITS[field]);
}

/** The snapshot in `raw`, cleaned; throws a SnapshotError naming the field that does not fit. */
export function parseContactSnapshot(raw: unknown): ContactSnapshot {
  if (typeof raw !== 'object' || raw === null)
    throw new SnapshotError('snapshot', t('domain_snapshot_expected_object'));
  const fields = raw as Record<string, unknown>;
  const backOffice = fields['backOffice'];
  if (typeof backOffice !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(backOffice)) {
    throw new SnapshotError('backOffice', t('domain_snapshot_expected_back_office'));
  }
  const name = optionalText(fields, 'name');
  if (name === undefined) throw new SnapshotError('name', t('domain_snapshot_no_name'));
  const email = optionalText(fields, 'email');
  if (email !== undefined && !isEmail(email))
    throw new SnapshotError('email', t('domain_snapshot_not_email'));
  const url = fields['url'];
  if (typeof url !== 'string' || url.length > URL_LIMIT || !/^https?:\/\/[^\s]+$/.test(url)) {
    throw new SnapshotError('url', t('domain_snapshot_expected_address'));
  }
  const role = fields['role'];
  if (role !== undefined && role !== 'customer' && role !== 'supplier') {
    throw new SnapshotError('role', t('domain_snapshot_expected_role'));
  }
  const snapshot: ContactSnapshot = { backOffice, name, url };
  const externalId = optionalText(fields, 'externalId');
  const phone = optionalText(fields, 'phone');
  const company = optionalText(fields, 'company');
  if (externalId !== undefined) snapshot.externalId = externalId;
  if (email !== undefined) snapshot.email = email;
  if (phone !== undefined) snapshot.phone = phone;
  if (company !== undefined) snapshot.company = company;
  if (role !== undefined) snapshot.role = role;
  return snapshot;
}
