import type { Contact } from '../../domain/contact';
import type { ContactSnapshot } from '../../domain/contact-snapshot';
import { t } from '../../domain/i18n';

/** The customer the page shows, and whether Tally already has them. Page text rendered as text. */
export function ContactCard(props: {
  snapshot: ContactSnapshot;
  contact: Contact | null;
  onCapture: () => void;
}) {
  const { snapshot, contact } = props;
  return (
    <section aria-labelledby="detected-heading" class="card">
      <h2 id="detected-heading">{t('sidebar_customer_on_page')}</h2>
      <dl class="fields">
        <dt>{t('common_name')}</dt>
        <dd data-field="name">{snapshot.name}</dd>
        <dt>{t('common_email')}</dt>
        <dd data-field="email">{snapshot.email ?? '—'}</dd>
        <dt>{t('common_phone')}</dt>
        <dd data-field="phone">{snapshot.phone ?? '—'}</dd>
        <dt>{t('sidebar_customer_id')}</dt>
        <dd data-field="external-id">{snapshot.externalId ?? '—'}</dd>
      </dl>
      <p class="muted">{contact ? t('sidebar_saved_in_tally') : t('sidebar_not_in_tally')}</p>
      <button type="button" onClick={props.onCapture}>
        {t('sidebar_capture_contact')}
      </button>
    </section>
  );
}
