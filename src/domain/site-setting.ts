/**
 * What the user decided for one back-office origin: "never-capture" keeps Tally there but never
 * detects or captures contacts; "off" keeps Tally out of the site altogether.
 */
export type SiteMode = 'on' | 'never-capture' | 'off';

export interface SiteSetting {
  origin: string;
  mode: Exclude<SiteMode, 'on'>;
  updatedAt: string;
}

export function isSiteMode(value: unknown): value is SiteMode {
  return value === 'on' || value === 'never-capture' || value === 'off';
}
