import { describe, expect, it } from 'vitest';
import { contactsCsv, contactsFileName } from '../../../src/csv/contacts-export';
import { TALLY_CONTACT_HEADER } from '../../../src/csv/contacts-columns';
import type { Contact } from '../../../src/domain/contact';
import { applyContactFields, type ContactFields } from '../../../src/domain/contact-edit';

const NOW = '2026-03-01T09:00:00.000Z';
let ids = 0;
function contact(fields: Partial<ContactFields> & { name: string }, extra: Partial<Contact> = {}): Contact {
  const made = applyContactFields(
    undefined,
    { role: 'customer', externalIds: [], ...fields },
    { newId: `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, now: NOW, defaultCountry: 'US' },
  );
  return { ...made, ...extra };
}

describe('Export contacts', () => {
  it("writes Tally's template: BOM, header, CRLF, every current contact by name", async () => {
    const zoe = contact({
      name: 'Zoë Müller',
      company: 'Café Crème',
      email: 'zoe@example.com',
      phone: '+33 1 42 68 53 00',
      role: 'both',
      address: { line1: '1 Rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' },
      externalIds: [{ backOffice: 'northwind', origin: 'https://crm.example', id: 'C-00042' }],
      tags: ['vip', 'wholesale'],
      notes: 'Ring first',
    });
    const ada = contact({ name: 'ada lovelace' });
    const gone = contact({ name: 'Deleted Person' }, { deletedAt: NOW });
    const { text, count } = await contactsCsv([zoe, gone, ada]);
    expect(count).toBe(2);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      TALLY_CONTACT_HEADER.join(','),
      `${ada.id},ada lovelace,,,,customer,,,,,,,,,`,
      `${zoe.id},Zoë Müller,Café Crème,zoe@example.com,'+33 1 42 68 53 00,both,1 Rue de la Paix,,Paris,,75002,FR,northwind@https://crm.example:C-00042,"vip, wholesale",Ring first`,
      '',
    ]);
  });

  it('neutralises formula-looking cells and never writes numbers: zeros stay', async () => {
    const risky = contact({ name: '=HYPERLINK("x")', phone: '0042 555', address: { postalCode: '0042' } });
    const { text } = await contactsCsv([risky]);
    expect(text).toContain(`${risky.id},"'=HYPERLINK(""x"")",,,0042 555,customer,,,,,0042,,,,`);
  });

  it('writes in chunks and gives the page back between them', async () => {
    const many = Array.from({ length: 25 }, (_, i) => contact({ name: `Person ${i}` }));
    let pauses = 0;
    const { text, count } = await contactsCsv(many, {
      chunkSize: 10,
      pause: async () => {
        pauses++;
      },
    });
    expect(pauses).toBe(2);
    expect(count).toBe(25);
    // Numbers in names sort as numbers: Person 2 before Person 10.
    const names = text
      .split('\r\n')
      .slice(1, 4)
      .map((line) => line.split(',')[1]);
    expect(names).toEqual(['Person 0', 'Person 1', 'Person 2']);
  });

  it('names the file by the day', () => {
    expect(contactsFileName('2026-03-01')).toBe('tally-contacts-2026-03-01.csv');
  });
});
