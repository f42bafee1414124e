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
