import { describe, expect, it } from 'vitest';
import { languages, readCatalog } from '../../../locales/catalogs';
import { browserMessages, catalogProblems, flatMessages } from '../../../src/domain/locale-catalog';

describe('message catalogs', () => {
  const english = readCatalog('en');

  it('ships English and at least one more language', () => {
    expect(languages()).toContain('en');
    expect(languages().length).toBeGreaterThanOrEqual(2);
  });

  it.each(languages().filter((language) => language !== 'en'))(
    '%s is complete and consistent',
    (language) => {
      expect(catalogProblems(english, readCatalog(language), language)).toEqual([]);
    },
  );

  it('has no key twice across areas, even differing only in case (browsers ignore case)', () => {
    const keys = Object.values(english).flatMap((area) => Object.keys(area).map((key) => key.toLowerCase()));
    expect(keys.length).toBe(new Set(keys).size);
    expect(Object.keys(browserMessages(english)).length).toBe(keys.length);
  });

  it('refuses a translation that drops a substitution, misses a key or strays from its area', () => {
    const problems = catalogProblems(
      { record: { record_total: 'Total $1', record_title: 'Record' } },
      { record: { record_total: 'Total', other_key: 'x' } },
      'fr',
    );
    expect(problems).toEqual([
      'fr/record.json: "record_total" uses other substitutions than English',
      'fr/record.json: "record_title" is missing',
      'fr/record.json: "other_key" is not in English',
    ]);
    expect(flatMessages({ a: { a_x: 'X' }, b: { b_y: 'Y' } })).toEqual({ a_x: 'X', b_y: 'Y' });
  });
});
