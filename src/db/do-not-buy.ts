import type { z } from 'zod';
import { nowInstant } from '../domain/dates';
import { t } from '../domain/i18n';
import { DoNotBuyEntry, doNotBuyHits, type DoNotBuyHit } from '../domain/do-not-buy';
import { serialKey } from '../domain/imei';
import type { TallyDatabase } from './database';

/** A serial to put on the list, as the user typed it or a file gave it. */
export interface DoNotBuyInput {
  serial: string;
  reason: string;
}

export interface DoNotBuyImportSummary {
  added: number;
  /** Removed earlier and put back, with the reason given now. */
  restored: number;
  /** Already on the list: kept as they were, reason included. */
  unchanged: number;
}

/**
 * The list as the shop sees it: live entries, the one put on the list last first (a removed serial
 * added again counts from when it came back).
 */
export async function listDoNotBuy(db: TallyDatabase): Promise<DoNotBuyEntry[]> {
  const entries = await db.doNotBuy.filter((entry) => entry.deletedAt === undefined).toArray();
  return entries.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/**
 * Puts a serial or IMEI on the list. The same device written another way ("35-209900-176148-1"
 * for "352099001761481", see serialKey) is the same entry: a live one is refused with a message
 * that names it, a removed one comes back with the new reason. Throws the schema's message for an
 * empty or overlong field.
 */
export async function addDoNotBuy(db: TallyDatabase, input: DoNotBuyInput): Promise<DoNotBuyEntry> {
  return db.transaction('rw', db.doNotBuy, async () => {
    const existing = await db.doNotBuy.where('serialKey').equals(keyOf(input.serial)).first();
    if (existing && existing.deletedAt === undefined) {
      throw new Error(
        existing.serial === input.serial.trim()
          ? t('db_already_listed', existing.serial, existing.reason)
          : t('db_already_listed_as', input.serial.trim(), existing.serial, existing.reason),
      );
    }
    const entry = toEntry(input, existing, nowInstant());
    await db.doNotBuy.put(entry);
    return entry;
  });
}

/**
 * Puts every serial of an imported list on the do-not-buy list, in one transaction: all or nothing
 * (one invalid entry, or one serial given twice, writes nothing). Serials already on the list keep
 * the reason they have; removed ones come back with the file's reason.
 */
export async function importDoNotBuy(
  db: TallyDatabase,
  inputs: readonly DoNotBuyInput[],
): Promise<DoNotBuyImportSummary> {
  const keys = inputs.map((input) => keyOf(input.serial));
  const seen = new Map<string, string>();
  inputs.forEach((input, index) => {
    const key = keys[index] ?? '';
    const first = seen.get(key);
    if (first !== undefined) throw new Error(t('db_listed_twice', input.serial.trim(), first));
    seen.set(key, input.serial.trim());
  });

  return db.transaction('rw', db.doNotBuy, async () => {
    const stored = await db.doNotBuy.where('serialKey').anyOf(keys).toArray();
    const byKey = new Map(stored.map((entry) => [entry.serialKey, entry]));
    const now = nowInstant();
    const summary: DoNotBuyImportSummary = { added: 0, restored: 0, unchanged: 0 };
    const writes: DoNotBuyEntry[] = [];
    inputs.forEach((input, index) => {
      const existing = byKey.get(keys[index] ?? '');
      if (existing && existing.deletedAt === undefined) {
        summary.unchanged++;
        return;
      }
      writes.push(toEntry(input, existing, now));
      if (existing) summary.restored++;
      else summary.added++;
    });
    await db.doNotBuy.bulkPut(writes);
    return summary;
  });
}

/** Soft delete: the entry stays in the store, off the list. Returns it as it was. */
export async function removeDoNotBuy(db: TallyDatabase, id: string): Promise<DoNotBuyEntry> {
  return db.transaction('rw', db.doNotBuy, async () => {
    const existing = await db.doNotBuy.get(id);
    if (!existing || existing.deletedAt !== undefined) {
      throw new Error(t('db_serial_not_listed'));
    }
    const now = nowInstant();
    await db.doNotBuy.update(id, { deletedAt: now, updatedAt: now });
    return existing;
  });
}

/** The items whose serial is on the list, each with the list's reason (see doNotBuyHits). */
export async function findDoNotBuyHits(
  db: TallyDatabase,
  items: readonly { id: string; description: string; serial?: string | undefined }[],
): Promise<DoNotBuyHit[]> {
  const keys = items.flatMap((item) => (item.serial ? [keyOf(item.serial)] : [])).filter(Boolean);
  if (keys.length === 0) return [];
  const entries = await db.doNotBuy.where('serialKey').anyOf(keys).toArray();
  return doNotBuyHits(items, entries);
}

function keyOf(serial: string): string {
  return serialKey(serial.trim());
}

/**
 * The entry to store: a new one, or a removed one brought back (same id and createdAt, so its
 * history stays one record). Throws a plain sentence, not zod's JSON, when a field is not allowed.
 */
function toEntry(input: DoNotBuyInput, revived: DoNotBuyEntry | undefined, now: string): DoNotBuyEntry {
  const parsed = DoNotBuyEntry.safeParse({
    id: revived?.id ?? crypto.randomUUID(),
    createdAt: revived?.createdAt ?? now,
    updatedAt: now,
    serial: input.serial,
    serialKey: keyOf(input.serial),
    reason: input.reason,
  });
  if (parsed.success) return parsed.data;
  throw new Error(describeIssue(parsed.error.issues[0]), { cause: parsed.error });
}

/** The first thing wrong with an entry, as a sentence for the user. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  const field = issue?.path[0];
  // Only separators ("--"): nothing a device could be matched on.
  if (field === 'serialKey') return t('db_serial_needs_letter_or_digit');
  const reason = field === 'reason';
  if (issue?.code === 'too_big') {
    const maximum = String(issue.maximum);
    return reason ? t('db_reason_too_long', maximum) : t('db_serial_too_long', maximum);
  }
  // The schema's own words ("enter a serial or IMEI"), as a sentence.
  const message = issue?.message ?? (reason ? t('db_reason_not_allowed') : t('db_serial_not_allowed'));
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}
