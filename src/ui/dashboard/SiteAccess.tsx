import type { SiteAccessModel } from './site-access-model';

export function SiteAccess(props: { model: SiteAccessModel }) {
  const { model } = props;
  return (
    <section aria-labelledby="sites-heading" class="card">
      <h2 id="sites-heading">Back-office sites</h2>
      <p class="muted">
        Tally runs on local servers (localhost, 127.0.0.1) out of the box. Add your back office here.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void model.allow();
        }}
      >
        <label>
          Back-office address
          <input
            type="url"
            placeholder="https://backoffice.example.com"
            value={model.input.value}
            onInput={(event) => (model.input.value = event.currentTarget.value)}
          />
        </label>
        <button type="submit">Allow site</button>
      </form>
      {model.message.value ? <p role="status">{model.message.value}</p> : null}
      <ul aria-label="Allowed sites">
        {model.sites.value.map((site) => (
          <li key={site}>
            {site}{' '}
            <button type="button" class="link" onClick={() => void model.revoke(site)}>
              Remove {site}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
