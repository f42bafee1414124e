import { loaders } from 'virtual:tally-messages';
import { catalogTranslator } from '../src/domain/catalog-translator';
import { installTranslator } from '../src/domain/i18n';
import { chooseLanguage } from '../src/domain/locale-catalog';

/**
 * The web app has no browser i18n: it loads the catalog of the first language the browser
 * prefers that Tally ships (English otherwise), before anything is shown.
 */
export async function installWebLanguage(): Promise<void> {
  const { language, catalog } = chooseLanguage(navigator.languages, Object.keys(loaders));
  const load = loaders[catalog] ?? loaders['en'];
  if (!load) throw new Error('The web build has no English catalog.');
  installTranslator(catalogTranslator((await load()).default), language);
}
