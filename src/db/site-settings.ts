import { nowInstant } from '../domain/dates';
import type { SiteMode, SiteSetting } from '../domain/site-setting';
import type { TallyDatabase } from './database';

export async function siteMode(db: TallyDatabase, origin: string): Promise<SiteMode> {
  return (await db.siteSettings.get(origin))?.mode ?? 'on';
}

export async function setSiteMode(db: TallyDatabase, origin: string, mode: SiteMode): Promise<void> {
  if (mode === 'on') await db.siteSettings.delete(origin);
  else await db.siteSettings.put({ origin, mode, updatedAt: nowInstant() });
}

/** Sites where Tally is off or never captures, by origin. */
export async function listSiteSettings(db: TallyDatabase): Promise<SiteSetting[]> {
  return db.siteSettings.orderBy('origin').toArray();
}
