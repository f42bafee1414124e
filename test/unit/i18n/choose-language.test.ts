import { describe, expect, it } from 'vitest';
import { catalogTranslator } from '../../../src/domain/catalog-translator';
import { chooseLanguage } from '../../../src/domain/locale-catalog';

describe('the web app picks its language as browsers pick theirs', () => {
  const shipped = ['en', 'fr'];

  it('takes the first preferred language Tally ships, keeping its region for numbers and dates', () => {
    expect(chooseLanguage(['fr-CA', 'en-US'], shipped)).toEqual({ language: 'fr-CA', catalog: 'fr' });
    expect(chooseLanguage(['de-DE', 'FR'], shipped)).toEqual({ language: 'FR', catalog: 'fr' });
    expect(chooseLanguage(['en-GB', 'fr'], shipped)).toEqual({ language: 'en-GB', catalog: 'en' });
  });

  it('falls back to English when none ships, or none is given', () => {
    expect(chooseLanguage(['de', 'ja'], shipped)).toEqual({ language: 'en', catalog: 'en' });
    expect(chooseLanguage([], shipped)).toEqual({ language: 'en', catalog: 'en' });
  });
});

describe('a catalog translator fills substitutions as browsers do', () => {
  const translate = catalogTranslator({ a_price: 'Costs $$$1 for $2', a_plain: 'Plain' });

  it('fills $1…$9 and writes $$ as one dollar sign', () => {
    expect(translate('a_price', ['5', 'Ann'])).toBe('Costs $5 for Ann');
    expect(translate('a_plain')).toBe('Plain');
  });

  it('answers an empty text for an unknown key, and for a missing substitution', () => {
    expect(translate('a_unknown')).toBe('');
    expect(translate('a_price', [])).toBe('Costs $ for ');
  });
});
