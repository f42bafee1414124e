import { afterEach, describe, expect, it } from 'vitest';
import { installTranslator, t, tPlural, uiLanguage } from '../../../src/domain/i18n';
import { catalogTranslator } from '../../../src/domain/catalog-translator';
import { flatMessages } from '../../../src/domain/locale-catalog';
import { readCatalog } from '../../../locales/catalogs';

const restoreEnglish = () => installTranslator(catalogTranslator(flatMessages(readCatalog('en'))), 'en');

describe('t', () => {
  afterEach(restoreEnglish);

  it('reads the English catalog in unit tests', () => {
    expect(t('manifest_name')).toBe('Tally');
    expect(uiLanguage()).toBe('en');
  });

  it('fills substitutions and picks plural forms by the language’s rules', () => {
    const messages = {
      x_files_one: '$1 file in $2',
      x_files_other: '$1 files in $2',
      x_files_many: '$1 de fichiers dans $2',
      x_price: 'Costs $$$1',
    };
    installTranslator(catalogTranslator(messages), 'en');
    expect(tPlural('x_files' as never, 1, 'Lyon')).toBe('1 file in Lyon');
    expect(tPlural('x_files' as never, 1234, 'Lyon')).toBe('1,234 files in Lyon');
    expect(t('x_price' as never, '5')).toBe('Costs $5');
    installTranslator(catalogTranslator(messages), 'fr');
    // French says "1 file" for 0 and 1, and has a "many" form for millions.
    expect(tPlural('x_files' as never, 0, 'Lyon')).toBe('0 file in Lyon');
    expect(tPlural('x_files' as never, 1_000_000, 'Lyon')).toBe('1\u202f000\u202f000 de fichiers dans Lyon');
  });

  it('shows the key rather than nothing when a message is missing', () => {
    expect(t('no_such_key' as never)).toBe('no_such_key');
  });
});
