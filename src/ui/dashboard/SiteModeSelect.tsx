import { isSiteMode, type SiteMode } from '../../domain/site-setting';
import { t } from '../../domain/i18n';
import { SITE_MODES, siteModeName } from './site-mode';

/** What Tally does on one site: the same control in the dashboard and the toolbar popup. */
export function SiteModeSelect(props: {
  mode: SiteMode;
  onChange(mode: SiteMode): void;
  disabled?: boolean;
}) {
  return (
    <label class="site-mode">
      {t('dashboard_tally_on_this_site')}
      <select
        value={props.mode}
        disabled={props.disabled}
        onChange={(event) => {
          const mode = event.currentTarget.value;
          if (isSiteMode(mode)) props.onChange(mode);
        }}
      >
        {SITE_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {siteModeName(mode)}
          </option>
        ))}
      </select>
    </label>
  );
}
