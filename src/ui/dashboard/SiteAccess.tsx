import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { SiteModeSelect } from './SiteModeSelect';
import type { SiteAccessModel, SiteRow } from './site-access-model';

/** The sites Tally may run on, and what it does on each: on, never capture contacts, or off. */
export function SiteAccess(props: { model: SiteAccessModel }) {
  const { model } = props;
  const rows = model.rows.value;
  return (
    <section aria-labelledby="sites-heading" class="card">
      <h2 id="sites-heading">{t('dashboard_sites')}</h2>
      <p class="muted">{t('dashboard_sites_about')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void model.allow();
        }}
      >
        <label>
          {t('dashboard_back_office_address')}
          <input
            type="url"
            placeholder="https://backoffice.example.com"
            value={model.input.value}
            onInput={(event) => (model.input.value = event.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('dashboard_allow_site')}</button>
      </form>
      <ErrorMessage message={model.error.value} />
      {model.message.value ? <p role="status">{model.message.value}</p> : null}
      {rows.length > 0 ? (
        <>
          <p class="muted">{t('dashboard_site_modes_about')}</p>
          <ul aria-label={t('dashboard_sites_list')} class="sites">
            {rows.map((row) => (
              <SiteItem key={row.site} model={model} row={row} />
            ))}
          </ul>
        </>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void model.neverCapture();
        }}
      >
        <label>
          {t('dashboard_site_address')}
          <input
            type="url"
            placeholder="https://mail.example.com"
            value={model.neverInput.value}
            onInput={(event) => (model.neverInput.value = event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="secondary">
          {t('dashboard_add_never_capture_site')}
        </button>
      </form>
    </section>
  );
}

function SiteItem(props: { model: SiteAccessModel; row: SiteRow }) {
  const { model, row } = props;
  const { origin, pattern } = row;
  return (
    <li>
      <article aria-label={row.site}>
        <h3>{row.site}</h3>
        {origin ? (
          <SiteModeSelect mode={row.mode} onChange={(mode) => void model.setMode(origin, mode)} />
        ) : null}
        {pattern ? (
          <button type="button" class="link" onClick={() => void model.revoke(pattern)}>
            {t('dashboard_remove_site', pattern)}
          </button>
        ) : null}
      </article>
    </li>
  );
}
