import { askWorker } from '../../src/messaging/content-client';
import { parseSiteConfigReply } from '../../src/messaging/content-replies';
import { readSiteConfigCache, type SiteConfig } from '../../src/messaging/site-config-cache';

const DEFAULTS: SiteConfig = { mode: 'on', recipes: [] };

/**
 * This site's mode and recipes: first the copy in storage, so the first detection does not wait
 * for the worker to wake up, then the worker's answer; `onChange` runs when that answer differs.
 * Without either (a site never set up, the worker unreachable), built-in adapters and the
 * generic guess still run.
 */
export function createSiteConfig(onChange: (config: SiteConfig) => void) {
  let current: Promise<SiteConfig> = readSiteConfigCache(location.origin, parseSiteConfigReply)
    .catch(() => undefined)
    .then((cached) => cached ?? DEFAULTS);

  function refresh() {
    askWorker('page.siteConfig', {}, parseSiteConfigReply).then(
      async (fresh) => {
        if (JSON.stringify(fresh) === JSON.stringify(await current)) return;
        current = Promise.resolve(fresh);
        onChange(fresh);
      },
      (error: unknown) => console.warn('Tally: could not reach the background worker.', error),
    );
  }

  refresh();
  return { current: () => current, refresh };
}
