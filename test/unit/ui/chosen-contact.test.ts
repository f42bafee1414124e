import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findContactForSnapshot } from '../../../src/db/contacts';
import { TallyDatabase } from '../../../src/db/database';
import { contactAsPage } from '../../../src/ui/platform/chosen-contact';
import { makeContact } from '../../support/contacts';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`chosen-contact-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const URL_OF_SIDEBAR = 'https://tally.example/sidebar.html#contact=x';

/** What the sidebar finds for the page a stored contact is shown as. */
async function foundFor(page: ReturnType<typeof contactAsPage>) {
  const { detection } = page;
  if (detection.status !== 'found') throw new Error('the contact should read as found');
  return findContactForSnapshot(db, detection.snapshot, 'US');
}

describe('a stored contact opened in the web sidebar reads as a page showing her', () => {
  it('is found again by her id in a back office, not by a namesake created earlier', async () => {
    const namesake = makeContact({ name: 'Ann Lee', email: 'ann@one.example' }, '2026-01-01T10:00:00.000Z');
    const ann = makeContact(
      {
        name: 'Ann Lee',
        email: 'ann@two.example',
        externalIds: [{ backOffice: 'northwind', origin: 'https://crm.example', id: 'C-7' }],
      },
      '2026-02-01T10:00:00.000Z',
    );
    await db.contacts.bulkPut([namesake, ann]);
    const page = contactAsPage(ann, URL_OF_SIDEBAR);
    expect(page.url).toBe(URL_OF_SIDEBAR);
    expect(page.detection).toMatchObject({ status: 'found', confidence: 1 });
    expect((await foundFor(page))?.id).toBe(ann.id);
  });

  it('is found by her email when no back office knows her', async () => {
    const ann = makeContact({ name: 'Ann Lee', email: 'ann@two.example', phone: '+1 202 555 0100' });
    await db.contacts.put(ann);
    const page = contactAsPage(ann, URL_OF_SIDEBAR);
    expect(page.detection).toMatchObject({ snapshot: { backOffice: 'manual', email: 'ann@two.example' } });
    expect((await foundFor(page))?.id).toBe(ann.id);
  });
});
