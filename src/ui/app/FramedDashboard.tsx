import { t } from '../../domain/i18n';

/**
 * What the web app's dashboard shows when another page frames it: a page cannot be kept from
 * framing a static site (frame-ancestors needs an HTTP header), and a framed dashboard's buttons
 * could be clicked through a decoy. It offers itself in a tab of its own instead.
 */
export function FramedDashboard(props: { href: string }) {
  return (
    <main class="dashboard">
      <h1 class="brand">Tally</h1>
      <p>{t('dashboard_framed_refused')}</p>
      <p>
        <a href={props.href} target="_blank" rel="noopener noreferrer">
          {t('dashboard_framed_open')}
        </a>
      </p>
    </main>
  );
}
