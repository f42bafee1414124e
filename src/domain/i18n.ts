import type { MessageKey, PluralKey } from './message-keys';

export type { MessageKey, PluralKey } from './message-keys';

/** Looks a message up by key; substitutions fill $1…$9. Returns '' when the key is unknown. */
export type Translator = (key: string, substitutions?: string[]) => string;

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

let installed: { translate: Translator; language: string } | undefined;

/**
 * Replaces the browser's i18n for this context: unit tests install the English catalog, and a
 * build with no extension APIs installs its own. Extension contexts need nothing installed.
 */
export function installTranslator(translate: Translator, language: string): void {
  installed = { translate, language };
}

// Read on every call, not at import: the browser's API exists in every extension context
// (page, worker, content script), and `chrome` is also defined in Firefox.
function browserI18n(): I18nApi | undefined {
  return (globalThis as { chrome?: { i18n?: I18nApi } }).chrome?.i18n;
}

/**
 * The user-facing text for `key` in the browser's language, through the browser's i18n messages
 * (locales/<lang>/<area>.json, merged into _locales at build). Numbers and dates are formatted by
 * the caller (locale-format.ts) and passed as text.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  const api = browserI18n();
  const translate = installed?.translate ?? api?.getMessage.bind(api);
  const text = translate?.(key, substitutions) ?? '';
  // A missing message shows its key rather than nothing, so it is noticed and never blank.
  return text === '' ? key : text;
}

/**
 * The plural form of `base` for `count`: `<base>_one`, `<base>_other`, and any other CLDR category
 * a language needs (`_many` in French for millions, `_zero`…), falling back to `_other`. The count
 * is $1, formatted for the locale; further substitutions follow as $2…
 */
export function tPlural(base: PluralKey, count: number, ...substitutions: string[]): string {
  const language = uiLanguage();
  const category = new Intl.PluralRules(language).select(count);
  const shown = new Intl.NumberFormat(language).format(count);
  const specific = `${base}_${category}` as MessageKey;
  const text = t(specific, shown, ...substitutions);
  return text === specific ? t(`${base}_other` as MessageKey, shown, ...substitutions) : text;
}

/** The language the user reads Tally in: the browser's UI language ("en-US", "fr"). */
export function uiLanguage(): string {
  return installed?.language ?? browserI18n()?.getUILanguage() ?? globalThis.navigator?.language ?? 'en';
}
