import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { t } from '../../domain/i18n';
import type { Embedder } from '../platform';

/**
 * The sidebar framed by a page: shown only once that page is known to be allowed. Refused, only
 * the refusal and where to allow it (in Tally's own dashboard, in a tab of its own: never here,
 * where the page could trick the click); not known yet, only that Tally waits for the page.
 * Nothing of the user's data and no action is rendered meanwhile.
 */
export function OnlyIfAllowed(props: {
  embedder: ReadonlySignal<Embedder>;
  /** The dashboard's Embedding section. */
  allowHref: string;
  children: ComponentChildren;
}) {
  const embedder = props.embedder.value;
  if (embedder.kind === 'allowed') return <>{props.children}</>;
  return (
    <main class="sidebar">
      <h1 class="brand">Tally</h1>
      {embedder.kind === 'refused' ? (
        <section class="card" role="alert">
          <p>{t('embed_refused', embedder.origin)}</p>
          <p class="muted">{t('embed_refused_how')}</p>
          <p class="muted">{t('embed_refused_other_site')}</p>
          <p>
            <a href={props.allowHref} target="_blank" rel="noopener noreferrer">
              {t('embed_open_dashboard')}
            </a>
          </p>
        </section>
      ) : (
        <p class="muted" role="status">
          {t('embed_waiting')}
        </p>
      )}
    </main>
  );
}
