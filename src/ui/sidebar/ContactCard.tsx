import type { Contact } from '../../domain/contact';
import type { ContactSnapshot } from '../../domain/contact-snapshot';

/** The customer the page shows, and whether Tally already has them. Page text rendered as text. */
export function ContactCard(props: {
  snapshot: ContactSnapshot;
  contact: Contact | null;
  onCapture: () => void;
}) {
  const { snapshot, contact } = props;
  return (
    <section aria-labelledby="detected-heading" class="card">
      <h2 id="detected-heading">Customer on this page</h2>
      <dl class="fields">
        <dt>Name</dt>
        <dd data-field="name">{snapshot.name}</dd>
        <dt>Email</dt>
        <dd data-field="email">{snapshot.email ?? '—'}</dd>
        <dt>Phone</dt>
        <dd data-field="phone">{snapshot.phone ?? '—'}</dd>
        <dt>Customer ID</dt>
        <dd data-field="external-id">{snapshot.externalId ?? '—'}</dd>
      </dl>
      <p class="muted">{contact ? 'Saved in Tally.' : 'Not in Tally yet.'}</p>
      <button type="button" onClick={props.onCapture}>
        Capture contact
      </button>
    </section>
  );
}
