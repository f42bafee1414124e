import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import type { EmbedAccessModel } from './embed-access-model';

/** `Embedding`: which back offices may dock Tally's sidebar, and the line they paste. */
export function EmbedAccess(props: { model: EmbedAccessModel }) {
  const { model } = props;
  const origins = model.origins.value;
  return (
    <section id="embedding" aria-labelledby="embedding-heading" class="card">
      <h2 id="embedding-heading">{t('embed_heading')}</h2>
      <p class="muted">{t('embed_about')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void model.allow();
        }}
      >
        <label>
          {t('embed_address')}
          <input
            type="url"
            placeholder="https://crm.example.com"
            value={model.input.value}
            onInput={(event) => (model.input.value = event.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('embed_allow')}</button>
      </form>
      <ErrorMessage message={model.error.value} />
      {model.message.value ? <p role="status">{model.message.value}</p> : null}
      {origins.length > 0 ? (
        <ul aria-label={t('embed_allowed_list')} class="sites">
          {origins.map((origin) => (
            <li key={origin}>
              <article aria-label={origin}>
                <h3>{origin}</h3>
                <button type="button" class="link" onClick={() => void model.remove(origin)}>
                  {t('embed_remove')}
                </button>
              </article>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('embed_none_allowed')}</p>
      )}
      <p>{t('embed_snippet')}</p>
      <pre>
        <code>{model.snippet}</code>
      </pre>
      <p class="muted">{t('embed_api')}</p>
    </section>
  );
}
