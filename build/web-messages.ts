// The web app has no browser i18n: each language's catalog (locales/<lang>/*.json, merged) is a
// module of its own, loaded before the first screen, so a page carries only its user's language.
import type { Plugin } from 'vite';
import { languages, readCatalog } from '../locales/catalogs';
import { flatMessages } from '../src/domain/locale-catalog';

const ALL = 'virtual:tally-messages';
const ONE = `${ALL}/`;
const resolved = (id: string) => `\0${id}`;

/** `virtual:tally-messages` exports `loaders` ({ en: () => import(…) }); each import is one catalog. */
export function webMessages(): Plugin {
  return {
    name: 'tally-web-messages',
    resolveId: (id) => (id === ALL || id.startsWith(ONE) ? resolved(id) : undefined),
    load(id) {
      if (id === resolved(ALL)) {
        const entries = languages().map(
          (language) => `${JSON.stringify(language)}: () => import(${JSON.stringify(ONE + language)})`,
        );
        return `export const loaders = { ${entries.join(', ')} };`;
      }
      if (id.startsWith(resolved(ONE))) {
        const language = id.slice(resolved(ONE).length);
        if (!languages().includes(language)) this.error(`No catalog for ${language} under locales/.`);
        return `export default ${JSON.stringify(flatMessages(readCatalog(language)))};`;
      }
      return undefined;
    },
  };
}
