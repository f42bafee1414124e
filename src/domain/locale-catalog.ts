/** One area's messages as written in locales/<lang>/<area>.json: key → text with $1…$9. */
export type AreaMessages = Record<string, string>;

/** The messages of one language, by area (the file name without .json). */
export type LanguageCatalog = Record<string, AreaMessages>;

/** The shape of _locales/<lang>/messages.json that browsers read. */
export type BrowserMessages = Record<string, { message: string }>;

const KEY = /^[a-z0-9_]+$/;
const SUBSTITUTION = /\$(\d)/g;

/** The language's areas merged into the browsers' messages.json shape. */
export function browserMessages(catalog: LanguageCatalog): BrowserMessages {
  const merged: BrowserMessages = {};
  for (const area of Object.keys(catalog).sort()) {
    for (const [key, message] of Object.entries(catalog[area] ?? {})) merged[key] = { message };
  }
  return merged;
}

/** Every key of a language, merged across its areas. */
export function flatMessages(catalog: LanguageCatalog): AreaMessages {
  return Object.fromEntries(Object.values(catalog).flatMap((area) => Object.entries(area)));
}

const substitutions = (text: string) => [...text.matchAll(SUBSTITUTION)].map((match) => match[1]).sort();

/**
 * What is wrong with a translation against the English catalog: keys outside their area's
 * prefix, keys browsers refuse, missing or extra keys, empty texts, and substitutions that differ.
 */
export function catalogProblems(
  english: LanguageCatalog,
  other: LanguageCatalog,
  language: string,
): string[] {
  const problems: string[] = [];
  for (const [area, messages] of Object.entries(english)) {
    const translated = other[area];
    if (!translated) {
      problems.push(`${language}: no ${area}.json`);
      continue;
    }
    for (const [key, text] of Object.entries(messages)) {
      if (!KEY.test(key)) problems.push(`${area}.json: "${key}" may use only a-z, 0-9 and _`);
      if (!key.startsWith(`${area}_`)) problems.push(`${area}.json: "${key}" must start with "${area}_"`);
      if (text.trim() === '') problems.push(`en/${area}.json: "${key}" is empty`);
      const translation = translated[key];
      if (translation === undefined) problems.push(`${language}/${area}.json: "${key}" is missing`);
      else if (translation.trim() === '') problems.push(`${language}/${area}.json: "${key}" is empty`);
      else if (substitutions(translation).join() !== substitutions(text).join()) {
        problems.push(`${language}/${area}.json: "${key}" uses other substitutions than English`);
      }
    }
    for (const key of Object.keys(translated)) {
      if (!(key in messages)) problems.push(`${language}/${area}.json: "${key}" is not in English`);
    }
  }
  for (const area of Object.keys(other)) {
    if (!(area in english)) problems.push(`${language}: ${area}.json has no English`);
  }
  return problems;
}

/**
 * The language to show, as browsers choose theirs: the first preferred language whose catalog
 * ships ("fr-CA" reads the "fr" catalog and keeps "fr-CA" for numbers and dates), else English.
 */
export function chooseLanguage(
  preferred: readonly string[],
  shipped: readonly string[],
): { language: string; catalog: string } {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (shipped.includes(primary)) return { language: tag, catalog: primary };
  }
  return { language: 'en', catalog: 'en' };
}
