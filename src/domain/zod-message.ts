import { t, tPlural, type MessageKey, type PluralKey } from './i18n';
import { formatCount } from './locale-format';

/**
 * A zod error option (`z.string().min(1, message('domain_note_empty'))`) whose text is looked up
 * when a value fails, in the user's language: schemas are built at import, before any language
 * is known. Numbers are formatted for that language.
 */
export function message(key: MessageKey, ...substitutions: (string | number)[]): { error: () => string } {
  return {
    error: () =>
      t(key, ...substitutions.map((value) => (typeof value === 'number' ? formatCount(value) : value))),
  };
}

/** The same for a message with plural forms (`<base>_one`, `<base>_other`), the count as $1. */
export function pluralMessage(base: PluralKey, count: number): { error: () => string } {
  return { error: () => tPlural(base, count) };
}
