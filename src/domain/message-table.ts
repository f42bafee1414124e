import { t, type MessageKey } from './i18n';

/**
 * A table of labels (`table.paid`) whose texts are looked up each time one is read, in the user's
 * language, never at import: a module-level table of plain strings would freeze the language of
 * whichever context loaded it first, and in unit tests before the catalog is installed.
 */
export function messageTable<Name extends string>(
  keys: Readonly<Record<Name, MessageKey>>,
): Readonly<Record<Name, string>> {
  const table = {} as Record<Name, string>;
  for (const [name, key] of Object.entries(keys) as [Name, MessageKey][]) {
    Object.defineProperty(table, name, { get: () => t(key), enumerable: true });
  }
  return table;
}
