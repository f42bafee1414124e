import { askWorker } from '../../src/messaging/content-client';
import { parseSiteConfigReply } from '../../src/messaging/content-replies';
import { readSiteConfigCache, type SiteConfig } from '../../src/messaging/site-config-cache';

const DEFAULTS: SiteConfig = { mode: 'on', recipes: [] };

/** The first of two lookups to find something; undefined when neither does. */
function firstFound<T>(lookups: readonly Promise<T | undefined>[]): Promise<T | undefined> {
  return new Promise((resolve) => {
    let pending = lookups.length;
    for (const lookup of lookups) {
      void lookup.then((found) => {
        pending -= 1;
        if (found !== undefined || pending === 0) resolve(found);
      });
    }
  });
}

/**
 * This site's mode and recipes, from whichever answers first: the copy in storage or the worker
 * (either can take 100 ms now and then: a sleeping worker, a busy storage backend). The worker's
 * answer is the truth: `onChange` runs when it differs from what was used. Without either (a site
 * never set up, the worker unreachable), built-in adapters and the generic guess still run.
 */
export function createSiteConfig(onChange: (config: SiteConfig) => void) {
  const ask = () => askWorker('page.siteConfig', {}, parseSiteConfigReply).catch(() => undefined);
  const cached = readSiteConfigCache(location.origin, parseSiteConfigReply).catch(() => undefined);
  const fromWorker = ask();
  let current = firstFound([cached, fromWorker]).then((found) => found ?? DEFAULTS);

  async function settle(answer: Promise<SiteConfig | undefined>) {
    const fresh = await answer;
    if (!fresh || JSON.stringify(fresh) === JSON.stringify(await current)) return;
    current = Promise.resolve(fresh);
    onChange(fresh);
  }

  void settle(fromWorker);
  return { current: () => current, refresh: () => void settle(ask()) };
}
