import type { Contact } from './contact';
import { messageTable } from './message-table';
import { searchWords } from './search-text';

/** Why two contacts look like the same person, as the Duplicates list says it. */
export type DuplicateReason =
  'Same back-office id' | 'Same email' | 'Same phone' | 'Similar name and company' | 'Same name';

/** Each reason as the user reads it, in their language (the reasons themselves are identifiers). */
export const DUPLICATE_REASON_LABELS = messageTable<DuplicateReason>({
  'Same back-office id': 'domain_duplicate_same_back_office_id',
  'Same email': 'domain_duplicate_same_email',
  'Same phone': 'domain_duplicate_same_phone',
  'Similar name and company': 'domain_duplicate_similar_name_company',
  'Same name': 'domain_duplicate_same_name',
});

/** Two current contacts that are likely the same person, strongest evidence first. */
export interface DuplicateCandidate {
  /** pairKey of the two ids: what a dismissal stores. */
  key: string;
  /** The older contact first. */
  ids: [string, string];
  reasons: DuplicateReason[];
  /** 0–1: how sure Tally is; several reasons together make it surer. */
  score: number;
}

/** What the finder reads of a contact. */
export type DuplicateSubject = Pick<
  Contact,
  'id' | 'createdAt' | 'name' | 'company' | 'externalIds' | 'externalKeys' | 'emailKey' | 'phoneKey'
> & { deletedAt?: string };

/** How much each reason alone says; reasons together combine as independent evidence. */
const REASON_WEIGHTS: Record<DuplicateReason, number> = {
  'Same back-office id': 0.99,
  'Same email': 0.95,
  'Same phone': 0.9,
  'Similar name and company': 0.8,
  'Same name': 0.5,
};
const REASON_ORDER = Object.keys(REASON_WEIGHTS) as DuplicateReason[];

/**
 * A key (email, phone) that more contacts than this share is a placeholder or a switchboard
 * ("info@…", "000000"), not a person: it says nothing, and pairing all of them would be
 * thousands of pairs.
 */
const MAX_SHARED_KEY = 50;
/** A name-and-company block larger than this is too common a prefix to tell anything. */
const MAX_NAME_BLOCK = 200;
const DIGITS = /^\d+$/;
/** Each word of one name must be at least this close (Jaro-Winkler) to a word of the other. */
const WORD_SIMILARITY = 0.9;

// Words that say what kind of company it is, not which one: "Acme Ltd" is "ACME Limited".
const COMPANY_FORMS = new Set([
  'ltd', 'limited', 'inc', 'incorporated', 'llc', 'llp', 'lp', 'plc', 'corp', 'corporation', 'co',
  'company', 'gmbh', 'mbh', 'ag', 'kg', 'ohg', 'ug', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv',
  'pty', 'pte', 'oy', 'ab', 'as', 'aps', 'kk', 'the', 'and', 'und', 'et', 'y', 'e',
]); // prettier-ignore
// Titles people put before a name: "Dr. Ada Lovelace" is Ada Lovelace.
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'herr', 'frau']);

/** The words of a person's name as compared: folded, without punctuation or titles. */
export function nameWords(name: string): string[] {
  const words = searchWords(name);
  const kept = words.filter((word) => !TITLES.has(word));
  return (kept.length > 0 ? kept : words).sort();
}

/** The words of a company name as compared: without "Ltd", "GmbH", "Inc" and the like. */
export function companyWords(company: string | undefined): string[] {
  if (!company) return [];
  return searchWords(company.replace(/&/g, ' and '))
    .filter((word) => !COMPANY_FORMS.has(word))
    .sort();
}

/** The unordered pair of two ids as one string; what a dismissal is stored as. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/**
 * Jaro-Winkler similarity of two words, 0–1: 1 when equal, close to 1 when one is the other
 * with a typo, and higher still when the typo is not in the first letters.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * How alike two word lists are, 0–1, whatever their order: every word of the shorter list must
 * be close to its own word of the other (an initial matches a word it starts), else 0. A single
 * word matches only a single word: "Ada" alone is not "Ada Lovelace".
 */
export function wordsSimilarity(a: readonly string[], b: readonly string[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0 || (short.length === 1 && long.length > 1)) return 0;
  const used = new Set<number>();
  let total = 0;
  for (const word of short) {
    let best = 0;
    let bestIndex = -1;
    long.forEach((other, index) => {
      if (used.has(index)) return;
      const initial =
        (word.length === 1 && other.startsWith(word)) || (other.length === 1 && word.startsWith(other));
      const similarity = initial ? WORD_SIMILARITY : jaroWinkler(word, other);
      if (similarity > best) [best, bestIndex] = [similarity, index];
    });
    if (best < WORD_SIMILARITY) return 0;
    used.add(bestIndex);
    total += best;
  }
  return total / short.length;
}

/**
 * Whether two contacts are certainly different people: each has its own, different id in the
 * same back office (same software at the same origin), however alike everything else is.
 */
export function differentInSameBackOffice(a: DuplicateSubject, b: DuplicateSubject): boolean {
  return a.externalIds.some((mine) =>
    b.externalIds.some(
      (theirs) =>
        theirs.backOffice === mine.backOffice && theirs.origin === mine.origin && theirs.id !== mine.id,
    ),
  );
}

interface Compared {
  subject: DuplicateSubject;
  name: string[];
  company: string[];
}

/**
 * Likely duplicates among `contacts` (deleted ones are skipped): pairs with the same back-office
 * id, email key or phone key, or a very similar name at a very similar company, or the same name
 * where neither has a company. Pairs the user dismissed (`dismissed` holds their pairKeys) and
 * pairs with different ids in the same back office are left out. Strongest first.
 *
 * Contacts are put in buckets by key instead of compared pair by pair, so 50,000 contacts take a
 * fraction of a second: only contacts sharing a key, or a name word's and a company word's first
 * letters, are ever compared.
 */
export function findDuplicates(
  contacts: Iterable<DuplicateSubject>,
  dismissed: ReadonlySet<string> = new Set(),
): DuplicateCandidate[] {
  const current = new Map<string, Compared>();
  for (const subject of contacts) {
    if (subject.deletedAt !== undefined) continue;
    current.set(subject.id, {
      subject,
      name: nameWords(subject.name),
      company: companyWords(subject.company),
    });
  }
  const found = new Map<string, { ids: [string, string]; reasons: Set<DuplicateReason>; score: number }>();
  const note = (a: Compared, b: Compared, reason: DuplicateReason) => {
    if (a.subject.id === b.subject.id) return;
    const key = pairKey(a.subject.id, b.subject.id);
    if (dismissed.has(key)) return;
    let pair = found.get(key);
    if (!pair) {
      if (differentInSameBackOffice(a.subject, b.subject)) return;
      const ids: [string, string] = olderFirst(a.subject, b.subject);
      pair = { ids, reasons: new Set(), score: 0 };
      found.set(key, pair);
    }
    if (pair.reasons.has(reason)) return;
    pair.reasons.add(reason);
    pair.score = 1 - (1 - pair.score) * (1 - REASON_WEIGHTS[reason]);
  };
  const everyPair = (bucket: readonly Compared[], reason: DuplicateReason) => {
    for (let i = 0; i < bucket.length; i++)
      for (let j = i + 1; j < bucket.length; j++) note(bucket[i] as Compared, bucket[j] as Compared, reason);
  };

  const byKey = (keysOf: (entry: Compared) => readonly (string | undefined)[], limit: number) => {
    const buckets = new Map<string, Compared[]>();
    for (const entry of current.values()) {
      for (const key of new Set(keysOf(entry))) {
        if (key === undefined) continue;
        const bucket = buckets.get(key);
        if (bucket) bucket.push(entry);
        else buckets.set(key, [entry]);
      }
    }
    return [...buckets.values()].filter((bucket) => bucket.length > 1 && bucket.length <= limit);
  };

  for (const bucket of byKey((entry) => entry.subject.externalKeys, MAX_SHARED_KEY))
    everyPair(bucket, 'Same back-office id');
  for (const bucket of byKey((entry) => [entry.subject.emailKey], MAX_SHARED_KEY))
    everyPair(bucket, 'Same email');
  for (const bucket of byKey((entry) => [entry.subject.phoneKey], MAX_SHARED_KEY))
    everyPair(bucket, 'Same phone');
  for (const bucket of byKey(
    (entry) => (entry.company.length === 0 && entry.name.length > 0 ? [entry.name.join(' ')] : []),
    MAX_SHARED_KEY,
  ))
    everyPair(bucket, 'Same name');

  // Very similar name and company: compared only within blocks of one whole name word, the first
  // two letters of another, and a company word's first three letters — a typo leaves at least one
  // name word whole in most names. Blocking on a single name word would put every "John" at every
  // "Acme" together: millions of comparisons in a large book.
  const compared = new Set<string>();
  const blocks = byKey(
    (entry) =>
      nameBlockKeys(entry.name).flatMap((name) =>
        entry.company.map((company) => `${name}|${company.slice(0, 3)}`),
      ),
    MAX_NAME_BLOCK,
  );
  for (const block of blocks) {
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const a = block[i] as Compared;
        const b = block[j] as Compared;
        const key = pairKey(a.subject.id, b.subject.id);
        if (compared.has(key)) continue;
        compared.add(key);
        if (wordsSimilarity(a.name, b.name) > 0 && wordsSimilarity(a.company, b.company) > 0)
          note(a, b, 'Similar name and company');
      }
    }
  }

  return [...found]
    .map(([key, pair]) => ({
      key,
      ids: pair.ids,
      reasons: REASON_ORDER.filter((reason) => pair.reasons.has(reason)),
      score: pair.score,
    }))
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

/** The likely duplicates of one contact, strongest first (for its own screen to offer a merge). */
export function duplicatesOf(
  contactId: string,
  contacts: Iterable<DuplicateSubject>,
  dismissed: ReadonlySet<string> = new Set(),
): DuplicateCandidate[] {
  return findDuplicates(contacts, dismissed).filter((candidate) => candidate.ids.includes(contactId));
}

/**
 * For each word of a name, that word with the first two letters of each other word ("smith jo",
 * "john sm"); a one-word name is its word. Words of digits only ("Customer 4213") are left out:
 * numbers are everywhere and say little.
 */
function nameBlockKeys(words: readonly string[]): string[] {
  const named = [...new Set(words.filter((word) => !DIGITS.test(word)))];
  if (named.length <= 1) return named;
  return named.flatMap((word) =>
    named.filter((other) => other !== word).map((other) => `${word} ${other.slice(0, 2)}`),
  );
}

function olderFirst(a: DuplicateSubject, b: DuplicateSubject): [string, string] {
  const aFirst = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
  return aFirst ? [a.id, b.id] : [b.id, a.id];
}
