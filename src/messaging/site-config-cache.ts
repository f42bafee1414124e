import { browser } from 'wxt/browser';
import type { ResponseOf } from './protocol';

/**
 * A copy of each site's settings and recipes in `storage.local`, which a content script reads
 * without waking the worker: asking the worker first (wake-up, Dexie) cost 50–130 ms before the
 * first detection. The database stays the truth; the worker rewrites an origin's copy every time
 * it answers for that origin or its settings change, and the content script still asks the worker
 * and detects again if the answer differs from the copy.
 */
export type SiteConfig = ResponseOf<'page.siteConfig'>;

export function siteConfigKey(origin: string): string {
  return `siteConfig:${origin}`;
}

/** Writes the copy only when it changed: the worker answers for every page load. */
export async function writeSiteConfigCache(origin: string, config: SiteConfig): Promise<void> {
  const key = siteConfigKey(origin);
  const stored = await browser.storage.local.get(key);
  if (JSON.stringify(stored[key]) === JSON.stringify(config)) return;
  await browser.storage.local.set({ [key]: config });
}

/** The cached copy, checked like the worker's answer; undefined when missing or malformed. */
export async function readSiteConfigCache(
  origin: string,
  parse: (raw: unknown) => SiteConfig,
): Promise<SiteConfig | undefined> {
  const key = siteConfigKey(origin);
  const stored = await browser.storage.local.get(key);
  try {
    return stored[key] === undefined ? undefined : parse(stored[key]);
  } catch {
    return undefined;
  }
}
