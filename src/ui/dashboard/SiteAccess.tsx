import { ErrorMessage } from '../ErrorMessage';
import { SiteModeSelect } from './SiteModeSelect';
import type { SiteAccessModel, SiteRow } from './site-access-model';

/** The sites Tally may run on, and what it does on each: on, never capture contacts, or off. */
export function SiteAccess(props: { model: SiteAccessModel }) {
  const { model } = props;
  const rows = model.rows.value;
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
      <ErrorMessage message={model.error.value} />
      {model.message.value ? <p role="status">{model.message.value}</p> : null}
      {rows.length > 0 ? (
        <>
          <p class="muted">
            “Never capture contacts” keeps Tally on a site without ever reading its customers; “Off” keeps
            Tally out of it.
          </p>
          <ul aria-label="Sites" class="sites">
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
          Site address
          <input
            type="url"
            placeholder="https://mail.example.com"
            value={model.neverInput.value}
            onInput={(event) => (model.neverInput.value = event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="secondary">
          Add never-capture site
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
            Remove {pattern}
          </button>
        ) : null}
      </article>
    </li>
  );
}
