import { isSiteMode, type SiteMode } from '../../domain/site-setting';
import { SITE_MODE_NAMES } from './site-mode';

/** What Tally does on one site: the same control in the dashboard and the toolbar popup. */
export function SiteModeSelect(props: {
  mode: SiteMode;
  onChange(mode: SiteMode): void;
  disabled?: boolean;
}) {
  return (
    <label class="site-mode">
      Tally on this site
      <select
        value={props.mode}
        disabled={props.disabled}
        onChange={(event) => {
          const mode = event.currentTarget.value;
          if (isSiteMode(mode)) props.onChange(mode);
        }}
      >
        {(Object.keys(SITE_MODE_NAMES) as SiteMode[]).map((mode) => (
          <option key={mode} value={mode}>
            {SITE_MODE_NAMES[mode]}
          </option>
        ))}
      </select>
    </label>
  );
}
