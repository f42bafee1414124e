/**
 * People as back offices hold them: names from the word lists, unique emails, and phone numbers typed in
 * whatever format the person at the counter used. Shared by every seeded back office.
 */
import type { Random } from './random';
import { AREA_CODES, CITIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from './seed-words';

export interface DrawnPerson {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly city: string;
}

/**
 * One person with every field drawn, so that leaving a field out later never shifts the stream; the
 * caller decides what the back office lost.
 */
export function drawPerson(random: Random, usedEmails: Set<string>): DrawnPerson {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const email = uniqueEmail(random, first, last, usedEmails);
  const phone = formatPhone(random, random.pick(AREA_CODES), random.int(100, 199));
  return { name: `${first} ${last}`, email, phone, city: random.pick(CITIES) };
}

export function uniqueEmail(random: Random, first: string, last: string, used: Set<string>): string {
  const local = `${asciiSlug(first)}.${asciiSlug(last)}`;
  const domain = random.pick(EMAIL_DOMAINS);
  let email = `${local}@${domain}`;
  for (let suffix = 2; used.has(email); suffix++) email = `${local}${suffix}@${domain}`;
  used.add(email);
  return email;
}

/** "Zoë O'Brien" → "zoe", "obrien": mail systems rarely keep accents or apostrophes. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Phone numbers as people really type them into a back office; Tally has to normalise all of these.
 * Line numbers 555-0100..0199 are reserved for fiction in the North American plan.
 */
export function formatPhone(random: Random, area: string, lineSuffix: number): string {
  const line = `0${lineSuffix}`;
  const formats = [
    `(${area}) 555-${line}`,
    `(${area}) 555-${line}`,
    `+1 ${area} 555 ${line}`,
    `${area}.555.${line}`,
    `${area}-555-${line}`,
    `+1 (${area}) 555-${line}`,
    `1-${area}-555-${line}`,
    `+1${area}555${line}`,
    `${area}555${line}`,
    `(${area}) 555-${line} ext. ${random.int(10, 99)}`,
  ];
  return random.pick(formats);
}
