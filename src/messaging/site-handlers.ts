import type { TallyDatabase } from '../db/database';
import { recipesForOrigin } from '../db/recipes';
import { siteMode } from '../db/site-settings';
import type { Handlers } from './router';
import type { SiteConfig } from './site-config-cache';

export interface SiteDeps {
  db: () => TallyDatabase;
  /** Tells every open tab of `origin` to fetch its settings again and detect again. */
  rescanTabs(origin: string): Promise<void>;
  /** Keeps the content scripts' copy of an origin's settings (see site-config-cache.ts). */
  cacheSiteConfig(origin: string, config: SiteConfig): Promise<void>;
}

/** An origin's mode and recipes, as the database has them; its cached copy is refreshed. */
export async function siteConfigFor(deps: SiteDeps, origin: string): Promise<SiteConfig> {
  const mode = await siteMode(deps.db(), origin);
  const config = { mode, recipes: mode === 'on' ? await recipesForOrigin(deps.db(), origin) : [] };
  await deps.cacheSiteConfig(origin, config);
  return config;
}

/** After a change to an origin's settings or recipes: refresh its copy, then its open tabs. */
export async function siteChanged(deps: SiteDeps, origin: string): Promise<void> {
  await siteConfigFor(deps, origin);
  await deps.rescanTabs(origin);
}

/** The origin a sender's URL belongs to: what the browser reported, never what the page says. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

export function siteHandlers(deps: SiteDeps): Pick<Handlers, 'page.siteConfig' | 'sites.changed'> {
  return {
    // A content script gets the recipes of its own origin only.
    'page.siteConfig': async (_request, sender) => siteConfigFor(deps, originOf(sender.url)),
    'sites.changed': async ({ origin }) => {
      await siteChanged(deps, originOf(origin));
      return {};
    },
  };
}
