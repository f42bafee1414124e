import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_LIMITS, type SnapshotField } from '../../../src/domain/contact-snapshot';
import { PASTE_LIMIT, readPastedContact, type PastedFields } from '../../../src/domain/pasted-contact';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

const vCards: { what: string; text: string; country?: 'US' | 'FR' | 'GB'; fields: PastedFields }[] = [
  {
    what: 'Apple Contacts 3.0: grouped email and phone, the mobile one labelled in X-ABLabel',
    text: crlf(`BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//macOS 14.4//EN
N:Appleseed;Johnny;;;
FN:Johnny Appleseed
ORG:Apple Inc.;
item1.EMAIL;type=INTERNET;type=pref:johnny@example.com
item2.TEL;type=pref:+1 (408) 555-0100
item3.TEL:+1 (415) 555-0134
item3.X-ABLabel:_$!<Mobile>!$_
item4.ADR;type=HOME:;;1 Infinite Loop;Cupertino;CA;95014;USA
END:VCARD
`),
    fields: {
      name: 'Johnny Appleseed',
      email: 'johnny@example.com',
      phone: '+1 (415) 555-0134',
      company: 'Apple Inc.',
    },
  },
  {
    what: 'Google Contacts 3.0: no FN line is fine, N is assembled "Given Family"',
    text: `BEGIN:VCARD
VERSION:3.0
N:Lovelace;Ada;;;
EMAIL;TYPE=INTERNET;TYPE=WORK:ada@analytical.example
TEL;TYPE=CELL:+44 7700 900123
TEL;TYPE=WORK:+44 20 7946 0958
END:VCARD`,
    fields: { name: 'Ada Lovelace', email: 'ada@analytical.example', phone: '+44 7700 900123' },
  },
  {
    what: 'Outlook 2.1: bare type parameters, a preferred email, the company’s first component',
    text: crlf(`BEGIN:VCARD
VERSION:2.1
N;LANGUAGE=en-us:Doe;Jane
FN:Jane Doe
ORG:Contoso Ltd;Sales
TITLE:Account Manager
TEL;WORK;VOICE:(425) 555-0101
TEL;WORK;FAX:(425) 555-0199
EMAIL;INTERNET:jane.old@contoso.example
EMAIL;PREF;INTERNET:jane.doe@contoso.example
X-MS-OL-DEFAULT-POSTAL-ADDRESS:2
END:VCARD
`),
    fields: {
      name: 'Jane Doe',
      email: 'jane.doe@contoso.example',
      phone: '(425) 555-0101',
      company: 'Contoso Ltd',
    },
  },
  {
    what: '2.1 quoted-printable UTF-8, with a soft line break',
    text: crlf(`BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller-L=C3=BC=
denscheid
TEL;CELL:+49 151 23456789
ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:B=C3=A4ckerei Gro=C3=9F
END:VCARD`),
    fields: {
      name: 'Jürgen Müller-Lüdenscheid',
      phone: '+49 151 23456789',
      company: 'Bäckerei Groß',
    },
  },
  {
    what: '4.0: tel: URIs, a quoted TYPE list, PREF=1, escaped commas and semicolons',
    text: `BEGIN:VCARD
VERSION:4.0
FN:Dupont\\, Marie-Claire
N:Dupont;Marie-Claire;;;
ORG:Dupont\\; Fils & Cie;Atelier
TEL;VALUE=uri;TYPE="voice,home":tel:+33-1-23-45-67-89
TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+33-6-12-34-56-78;ext=12
EMAIL;TYPE=home:marie@dupont.example
EMAIL;PREF=1:mc.dupont@atelier.example
END:VCARD`,
    fields: {
      name: 'Dupont, Marie-Claire',
      email: 'mc.dupont@atelier.example',
      phone: '+33-6-12-34-56-78',
      company: 'Dupont; Fils & Cie',
    },
  },
  {
    what: 'folded lines (CRLF + space, LF + tab) are unfolded, lower-case BEGIN/END',
    text: `begin:vcard\r\nversion:3.0\r\nFN:Bartholomew Alexander\r\n  Featherstonehaugh\r\nEMAIL:bart.feather\n\tstonehaugh@example.com\r\nend:vcard\r\n`,
    fields: {
      name: 'Bartholomew Alexander Featherstonehaugh',
      email: 'bart.featherstonehaugh@example.com',
    },
  },
  {
    what: 'an escaped line break in the name becomes a space',
    text: 'BEGIN:VCARD\nVERSION:3.0\nFN:Jean\\nDupuis\nEND:VCARD',
    fields: { name: 'Jean Dupuis' },
  },
];

describe('a pasted vCard', () => {
  it.each(vCards)('$what', ({ text, country, fields }) => {
    expect(readPastedContact(text, country ?? 'US')).toEqual({ found: true, fields, otherContacts: 0 });
  });

  it('reads only the first of several vCards, says how many others there were, and never mixes them', () => {
    const text = `BEGIN:VCARD
VERSION:3.0
FN:First Person
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Second Person
EMAIL:second@example.com
TEL:+1 415 555 0134
ORG:Second Co
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Third Person
END:VCARD`;
    expect(readPastedContact(text, 'US')).toEqual({
      found: true,
      fields: { name: 'First Person' },
      otherContacts: 2,
    });
  });

  it('skips a 2.1 photo’s base64 lines', () => {
    const text = crlf(`BEGIN:VCARD
VERSION:2.1
FN:John Doe
PHOTO;ENCODING=BASE64;TYPE=JPEG:
 /9j/4AAQSkZJRgABAQEASABIAAD/2wBD
 AAYEBQYFBAYGBQYHBwYIChAKCgkJChQO

TEL;HOME:+1 212 555 0100
END:VCARD`);
    expect(readPastedContact(text, 'US')).toEqual({
      found: true,
      fields: { name: 'John Doe', phone: '+1 212 555 0100' },
      otherContacts: 0,
    });
  });

  it('a vCard with nothing usable says so, rather than guessing from its lines', () => {
    const text = 'BEGIN:VCARD\nVERSION:3.0\nNOTE:Met at the fair\nEND:VCARD';
    expect(readPastedContact(text, 'US')).toEqual({ found: false, reason: 'nothing_found' });
  });
});

const textBlocks: { what: string; text: string; country: 'US' | 'FR' | 'GB'; fields: PastedFields }[] = [
  {
    what: 'an English email signature',
    country: 'US',
    text: `Best regards,

Jane Doe
Senior Buyer
Acme Widgets Inc.
T: (415) 555-0134
M: (415) 555-0199
jane.doe@acme.example
www.acme.example`,
    fields: {
      name: 'Jane Doe',
      email: 'jane.doe@acme.example',
      phone: '(415) 555-0199',
      company: 'Acme Widgets Inc.',
    },
  },
  {
    what: 'a French email signature, phone written nationally',
    country: 'FR',
    text: `Cordialement,
--
Marie Dupont
Responsable des achats
Boulangerie Dupont SARL
Tél. : 01 42 68 53 00
Portable : 06 12 34 56 78
Fax : 01 42 68 53 01
marie.dupont@boulangerie.example`,
    fields: {
      name: 'Marie Dupont',
      email: 'marie.dupont@boulangerie.example',
      phone: '06 12 34 56 78',
      company: 'Boulangerie Dupont SARL',
    },
  },
  {
    what: 'a CRM record copied as text, labelled',
    country: 'US',
    text: `Customer ID: C-00042
Name: Ada Lovelace
Company: Analytical Engines Ltd
Email: ada@engines.example
Phone: +1 212 555 0147
Address: 12 Marylebone Rd, London`,
    fields: {
      name: 'Ada Lovelace',
      email: 'ada@engines.example',
      phone: '+1 212 555 0147',
      company: 'Analytical Engines Ltd',
      externalId: 'C-00042',
    },
  },
  {
    what: 'a French form: Nom and Prénom, labels with a space before the colon',
    country: 'FR',
    text: `Nom : Martin
Prénom : Élodie
Courriel : elodie.martin@exemple.fr
Téléphone : 07 81 23 45 67
N° client : 88213`,
    fields: {
      name: 'Élodie Martin',
      email: 'elodie.martin@exemple.fr',
      phone: '07 81 23 45 67',
      externalId: '88213',
    },
  },
  {
    what: 'an address line: the display name and the address',
    country: 'US',
    text: 'Jane Doe <jane@x.com>',
    fields: { name: 'Jane Doe', email: 'jane@x.com' },
  },
  {
    what: 'an Outlook address line, "Family, Given", after From:',
    country: 'GB',
    text: 'From: "Smith, John" <john.smith@example.co.uk>\nSent: 3 May 2024 10:12\nSubject: Order',
    fields: { name: 'John Smith', email: 'john.smith@example.co.uk' },
  },
  {
    what: '"Tel." and a number written internationally',
    country: 'US',
    text: 'Pierre Lefèvre\nTel. +33 6 12 34 56 78',
    fields: { name: 'Pierre Lefèvre', phone: '+33 6 12 34 56 78' },
  },
  {
    what: 'a one-line signature with pipes',
    country: 'GB',
    text: 'Tom Baker | Baker & Sons | 020 7946 0958 | tom@bakerandsons.example',
    fields: {
      name: 'Tom Baker',
      email: 'tom@bakerandsons.example',
      phone: '020 7946 0958',
      company: 'Baker & Sons',
    },
  },
  {
    what: 'a spreadsheet row copied with tabs, labels in the first cell',
    country: 'US',
    text: 'Full name\tGrace Hopper\nE-mail\tgrace@navy.example\nMobile\t+1 202 555 0173',
    fields: { name: 'Grace Hopper', email: 'grace@navy.example', phone: '+1 202 555 0173' },
  },
  {
    what: 'a header row and a row copied from a spreadsheet',
    country: 'US',
    text: 'Name\tEmail\tPhone\nAlice Smith\talice@example.com\t+1 212 555 0147\n',
    fields: { name: 'Alice Smith', email: 'alice@example.com', phone: '+1 212 555 0147' },
  },
  {
    what: 'a French CSV header and row, semicolons',
    country: 'FR',
    text: 'Nom;Prénom;Courriel;Portable\r\n"Bernard";"Luc";"luc.bernard@exemple.fr";"06 98 76 54 32"',
    fields: { name: 'Luc Bernard', email: 'luc.bernard@exemple.fr', phone: '06 98 76 54 32' },
  },
  {
    what: 'a list row: name, email and phone separated by commas',
    country: 'US',
    text: 'Alice Smith, alice@example.com, +1 212 555 0147',
    fields: { name: 'Alice Smith', email: 'alice@example.com', phone: '+1 212 555 0147' },
  },
  {
    what: 'a French signature with a closing, a job title beside the company, an address and a website',
    country: 'FR',
    text: `Bonjour,

Merci pour votre commande.

Bien à vous,
Jean-Pierre Lefèvre
Gérant – Cave Lefèvre SAS
12 rue de la Paix, 75002 Paris
Tél : +33 1 42 68 53 00
www.cave-lefevre.fr`,
    fields: { name: 'Jean-Pierre Lefèvre', phone: '+33 1 42 68 53 00', company: 'Cave Lefèvre SAS' },
  },
  {
    what: 'an email alone: no name is made up',
    country: 'US',
    text: '  mailto:someone@example.org  ',
    fields: { email: 'someone@example.org' },
  },
];

describe('a pasted block of text', () => {
  it.each(textBlocks)('$what', ({ text, country, fields }) => {
    expect(readPastedContact(text, country)).toEqual({ found: true, fields, otherContacts: 0 });
  });

  it('reads a phone without a +code in the default country', () => {
    const text = 'Call 06 12 34 56 78';
    expect(readPastedContact(text, 'FR')).toMatchObject({ fields: { phone: '06 12 34 56 78' } });
    // The same digits are no valid US number: nothing to read.
    expect(readPastedContact(text, 'US')).toEqual({ found: false, reason: 'nothing_found' });
  });

  it('says why nothing was read', () => {
    expect(readPastedContact('   \n\t ', 'US')).toEqual({ found: false, reason: 'empty' });
    expect(readPastedContact('https://example.com/customers/42', 'US')).toEqual({
      found: false,
      reason: 'nothing_found',
    });
    expect(
      readPastedContact('Thanks for your order, we will ship it on Monday as agreed with you.', 'US'),
    ).toEqual({ found: false, reason: 'nothing_found' });
  });

  it('keeps markup as plain text and strips control and bidi characters', () => {
    const result = readPastedContact(
      'Name: <img src=x onerror=alert(1)>\u202e\u0007 Evil\nEmail: evil@example.com',
      'US',
    );
    expect(result).toEqual({
      found: true,
      fields: { name: '<img src=x onerror=alert(1)> Evil', email: 'evil@example.com' },
      otherContacts: 0,
    });
  });

  it('reads only the start of a huge paste, and cuts each field to its limit', () => {
    const result = readPastedContact(`Name: ${'A'.repeat(1_000)}\n${'x '.repeat(100_000)}`, 'US');
    expect(result).toMatchObject({ found: true, fields: { name: 'A'.repeat(SNAPSHOT_LIMITS.name) } });
    const late = `${' '.repeat(PASTE_LIMIT)}jane@example.com`;
    expect(readPastedContact(late, 'US')).toEqual({ found: false, reason: 'empty' });
  });
});

describe('any paste at all', () => {
  const vCardLine = fc.oneof(
    fc.constantFrom('BEGIN:VCARD', 'END:VCARD', 'VERSION:2.1', 'FN;ENCODING=QUOTED-PRINTABLE:=C3=', 'N:;;;'),
    fc
      .tuple(fc.constantFrom('FN', 'N', 'EMAIL', 'TEL;TYPE=cell', 'ORG', 'item1.TEL'), fc.string())
      .map(([name, value]) => `${name}:${value}`),
  );
  const paste = fc.oneof(
    fc.string({ maxLength: 2_000 }),
    fc.string({ unit: 'binary', maxLength: 2_000 }),
    fc.array(vCardLine, { maxLength: 30 }).map((lines) => lines.join('\r\n')),
    fc
      .array(fc.oneof(fc.emailAddress(), fc.string(), fc.constantFrom('Tel: ', 'Name: ', '<', '>', '\n')))
      .map((parts) => parts.join(' ')),
  );

  it('never throws, keeps every field within its limit, and leaves no control character', () => {
    fc.assert(
      fc.property(paste, fc.constantFrom('US', 'FR', 'GB', 'DE') as fc.Arbitrary<'US'>, (text, country) => {
        const result = readPastedContact(text, country);
        if (!result.found) return;
        for (const [field, value] of Object.entries(result.fields)) {
          if (field === 'role') continue;
          expect(typeof value).toBe('string');
          expect(Array.from(value as string).length).toBeLessThanOrEqual(
            SNAPSHOT_LIMITS[field as SnapshotField],
          );
          // eslint-disable-next-line no-control-regex
          expect(value).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
