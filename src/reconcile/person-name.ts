import { searchWords } from '../domain/search-text';

/**
 * A person's name as back offices write it: "Jane Smith", "J. Smith", "SMITH, Jane",
 * "SMITH Jane", "Dr. jane smith". Folded (case, accents, punctuation) and reduced to a surname
 * and a given name, which is all a back-office export and a contact reliably share.
 */
export interface PersonName {
  /** The last word of the family name ("van der Berg" → berg). */
  surname: string;
  /** The first given name, possibly an initial ("j"); absent when only a surname is written. */
  given?: string;
}

// Titles and suffixes say nothing about which person it is.
const IGNORED = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'herr', 'frau', 'jr', 'sr', 'ii', 'iii',
]); // prettier-ignore
// A word written all in capitals, of at least two letters: the surname, in "SMITH Jane".
const SHOUTED = /^\p{Lu}{2,}$/u;

function words(text: string): string[] {
  const all = searchWords(text);
  const kept = all.filter((word) => !IGNORED.has(word));
  return kept.length > 0 ? kept : all;
}

/** The surname and given name of `text`, or undefined when it holds no word. */
export function personName(text: string): PersonName | undefined {
  const comma = text.indexOf(',');
  if (comma >= 0) {
    // "Smith, Jane": the family name comes first.
    const family = words(text.slice(0, comma));
    const given = words(text.slice(comma + 1));
    const surname = family[family.length - 1];
    if (surname !== undefined) return given[0] === undefined ? { surname } : { surname, given: given[0] };
  }
  const all = words(text.replace(',', ' '));
  if (all.length === 0) return undefined;
  if (all.length === 1) return { surname: all[0] as string };
  const written = text.trim().split(/\s+/);
  const shouted = written.filter((word) => SHOUTED.test(word));
  if (written.length === 2 && shouted.length === 1 && SHOUTED.test(written[0] as string)) {
    // "SMITH Jane": the one word in capitals is the family name.
    return { surname: all[0] as string, given: all[1] as string };
  }
  return { surname: all[all.length - 1] as string, given: all[0] as string };
}

/**
 * Every way `text` can be read: "Smith Jane" (no comma, no word in capitals to tell) may be
 * written surname first, as some exports do, so it is also read swapped.
 */
export function personNameReadings(text: string): PersonName[] {
  const name = personName(text);
  if (!name) return [];
  if (text.includes(',') || name.given === undefined) return [name];
  const written = text.trim().split(/\s+/);
  const shouted = written.filter((word) => SHOUTED.test(word)).length;
  if (written.length !== 2 || shouted === 1 || name.given.length === 1) return [name];
  return [name, { surname: name.given, given: name.surname }];
}

// A shortening leaves off at least this many letters ("Chris" ~ "Christopher", "Deb" ~ "Debra"):
// a name one letter longer is most often another name ("Jane" and "Janet", "Paul" and "Paula").
const MIN_SHORTENING = 2;

/**
 * Whether two names can be the same person: the same surname, and given names that agree —
 * equal, or one an initial or a shortening of the other ("J" ~ "Jane", "Chris" ~ "Christopher").
 * A name without a given name is compatible with nothing: "Smith" alone could be anyone.
 */
export function compatibleNames(a: PersonName, b: PersonName): boolean {
  if (a.surname !== b.surname || a.given === undefined || b.given === undefined) return false;
  const [short, long] = a.given.length <= b.given.length ? [a.given, b.given] : [b.given, a.given];
  if (short === long) return true;
  const initial = short.length === 1;
  return (initial || long.length - short.length >= MIN_SHORTENING) && long.startsWith(short);
}
