import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { t } from '../../domain/i18n';

/**
 * The sidebar framed by a page the user has not allowed: only the refusal and where to allow it
 * (in Tally's own dashboard, in a tab of its own: never here, where the page could trick the
 * click). Nothing of the user's data and no action is rendered while it stands.
 */
export function UnlessRefused(props: {
  refused: ReadonlySignal<string | null>;
  /** The dashboard's Embedding section. */
  allowHref: string;
  children: ComponentChildren;
}) {
  const origin = props.refused.value;
  if (origin === null) return <>{props.children}</>;
  return (
    <main class="sidebar">
      <h1 class="brand">Tally</h1>
      <section class="card" role="alert">
        <p>{t('embed_refused', origin)}</p>
        <p class="muted">{t('embed_refused_how')}</p>
        <p class="muted">{t('embed_refused_other_site')}</p>
        <p>
          <a href={props.allowHref} target="_blank" rel="noopener noreferrer">
            {t('embed_open_dashboard')}
          </a>
        </p>
      </section>
    </main>
  );
}
