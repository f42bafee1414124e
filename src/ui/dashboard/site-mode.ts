import type { TallyDatabase } from '../../db/database';
import { setSiteMode } from '../../db/site-settings';
import type { SiteMode } from '../../domain/site-setting';

export const SITE_MODE_NAMES: Readonly<Record<SiteMode, string>> = {
  on: 'On',
  'never-capture': 'Never capture contacts',
  off: 'Off',
};

/** What a change of mode means, said once it is saved (dashboard and popup alike). */
export function siteModeSaid(origin: string, mode: SiteMode): string {
  switch (mode) {
    case 'on':
      return `Tally is on for ${origin}.`;
    case 'never-capture':
      return `Tally stays on ${origin} but never captures contacts there.`;
    case 'off':
      return `Tally is off on ${origin}.`;
  }
}

/**
 * Saves what Tally does on `origin` (dashboard and popup alike), then tells the site's open tabs;
 * returns the sentence to show. Throws only when the setting was not saved: a tab that misses
 * the news picks the setting up on its next load.
 */
export async function saveSiteMode(
  db: TallyDatabase,
  notifySiteChanged: (origin: string) => Promise<void>,
  origin: string,
  mode: SiteMode,
): Promise<string> {
  await setSiteMode(db, origin, mode);
  try {
    await notifySiteChanged(origin);
  } catch (failure) {
    console.warn(`Tally: could not tell the tabs of ${origin}.`, failure);
  }
  return siteModeSaid(origin, mode);
}
