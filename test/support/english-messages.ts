// Unit tests run in plain Node, where no browser i18n exists: they read Tally's English catalog,
// so a test sees exactly the text a user of the English build sees.
import { readCatalog } from '../../locales/catalogs';
import { catalogTranslator } from '../../src/domain/catalog-translator';
import { installTranslator } from '../../src/domain/i18n';
import { flatMessages } from '../../src/domain/locale-catalog';

installTranslator(catalogTranslator(flatMessages(readCatalog('en'))), 'en');
