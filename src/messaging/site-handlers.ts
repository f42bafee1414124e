import type { TallyDatabase } from '../db/database';
import { recipesForOrigin } from '../db/recipes';
import { siteMode } from '../db/site-settings';
import type { Handlers } from './router';

export interface SiteDeps {
  db: () => TallyDatabase;
  /** Tells every open tab of `origin` to fetch its settings again and detect again. */
  rescanTabs(origin: string): Promise<void>;
}

/** The origin a sender's URL belongs to: what the browser reported, never what the page says. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

export function siteHandlers(deps: SiteDeps): Pick<Handlers, 'page.siteConfig' | 'sites.changed'> {
  return {
    // A content script gets the recipes of its own origin only.
    'page.siteConfig': async (_request, sender) => {
      const origin = originOf(sender.url);
      const mode = await siteMode(deps.db(), origin);
      return { mode, recipes: mode === 'on' ? await recipesForOrigin(deps.db(), origin) : [] };
    },
    'sites.changed': async ({ origin }) => {
      await deps.rescanTabs(originOf(origin));
      return {};
    },
  };
}
