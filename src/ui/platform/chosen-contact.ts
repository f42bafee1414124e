import type { TallyDatabase } from '../../db/database';
import { getContact } from '../../db/contacts';
import type { Contact } from '../../domain/contact';
import { parseContactSnapshot } from '../../domain/contact-snapshot';
import type { PageContext } from '../../messaging/protocol';
import { contactInHash } from '../contacts/address';
import type { PageContextSource } from '../sidebar/sidebar-model';
import { pageShowing } from './page-showing';

/**
 * The web app's sidebar on a page of its own has no page beside it, but its address may name a
 * stored contact (`sidebar.html#contact=<id>`, the contact screen's `Open in sidebar`): the
 * sidebar then shows that contact, ready to record for, as if a page had shown it.
 */
export function chosenContactSource(db: TallyDatabase): PageContextSource {
  return {
    async subscribe(onChange) {
      let generation = 0;
      const show = async () => {
        const mine = ++generation;
        const id = contactInHash(location.hash);
        const contact = id ? await getContact(db, id) : undefined;
        // A later address won meanwhile.
        if (mine !== generation) return;
        const shown =
          contact && contact.deletedAt === undefined ? contactAsPage(contact, location.href) : null;
        onChange({ tabId: null, context: shown });
      };
      const onHashChange = () => void show();
      addEventListener('hashchange', onHashChange);
      await show();
      return () => removeEventListener('hashchange', onHashChange);
    },
  };
}

/**
 * A stored contact as a page would show it, so that the sidebar finds it again: by its id in a
 * back office when it has one (the snapshot then reads as from that back office), else by email,
 * phone or name, as a capture would.
 */
export function contactAsPage(contact: Contact, url: string): PageContext {
  const external = contact.externalIds.find((id) => id.origin !== undefined);
  const snapshot = parseContactSnapshot({
    backOffice: external?.backOffice ?? 'manual',
    url: external?.origin ? `${external.origin}/` : url,
    name: contact.name,
    ...(external ? { externalId: external.id } : {}),
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.phone ? { phone: contact.phone } : {}),
    ...(contact.company ? { company: contact.company } : {}),
  });
  return pageShowing(snapshot, { kind: 'adapter', id: 'tally', name: 'Tally' }, url);
}
