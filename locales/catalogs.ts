// Reads the message catalogs (locales/<lang>/<area>.json) for the build and the unit tests.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LanguageCatalog } from '../src/domain/locale-catalog';

const LOCALES_DIR = dirname(fileURLToPath(import.meta.url));

/** The languages Tally ships: every folder under locales/. English is the default. */
export function languages(): string[] {
  return readdirSync(LOCALES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function readCatalog(language: string): LanguageCatalog {
  const dir = join(LOCALES_DIR, language);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => [name.slice(0, -'.json'.length), JSON.parse(readFileSync(join(dir, name), 'utf8'))]),
  );
}
