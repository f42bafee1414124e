import type { TallyDatabase } from '../../db/database';
import { setSiteMode } from '../../db/site-settings';
import { t } from '../../domain/i18n';
import type { SiteMode } from '../../domain/site-setting';

/** The modes in the order the select offers them. */
export const SITE_MODES: readonly SiteMode[] = ['on', 'never-capture', 'off'];

export function siteModeName(mode: SiteMode): string {
  switch (mode) {
    case 'on':
      return t('dashboard_site_mode_on');
    case 'never-capture':
      return t('dashboard_site_mode_never_capture');
    case 'off':
      return t('dashboard_site_mode_off');
  }
}

/** What a change of mode means, said once it is saved (dashboard and popup alike). */
export function siteModeSaid(origin: string, mode: SiteMode): string {
  switch (mode) {
    case 'on':
      return t('dashboard_site_mode_said_on', origin);
    case 'never-capture':
      return t('dashboard_site_mode_said_never_capture', origin);
    case 'off':
      return t('dashboard_site_mode_said_off', origin);
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
