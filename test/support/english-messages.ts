// Unit tests run in plain Node, where no browser i18n exists: they read Tally's English catalog,
// so a test sees exactly the text a user of the English build sees.
import { readCatalog } from '../../locales/catalogs';
import { installTranslator } from '../../src/domain/i18n';
import { flatMessages } from '../../src/domain/locale-catalog';

/** A translator over a catalog, filling $1…$9 and $$ as browsers do. */
export function catalogTranslator(messages: Record<string, string>) {
  return (key: string, substitutions: string[] = []) =>
    (messages[key] ?? '').replace(/\$(\$|\d)/g, (_, which: string) =>
      which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
    );
}

installTranslator(catalogTranslator(flatMessages(readCatalog('en'))), 'en');
