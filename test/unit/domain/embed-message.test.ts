import { describe, expect, it } from 'vitest';
import {
  embedSnapshot,
  EmbedOrigins,
  isWebOrigin,
  parseEmbedMessage,
  toEmbedOrigin,
} from '../../../src/domain/embed-message';
import { SETTINGS } from '../../../src/domain/settings';

const ADA = { id: 'C-42', name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' };
const message = (customer: unknown) => ({ tally: 1, type: 'customer', customer });

describe('parseEmbedMessage', () => {
  it('takes a customer, a customer with only a name, and no customer', () => {
    expect(parseEmbedMessage(message(ADA))?.customer).toEqual(ADA);
    expect(parseEmbedMessage(message({ name: 'Grace' }))?.customer).toEqual({ name: 'Grace' });
    expect(parseEmbedMessage(message({ name: 'Grace', email: null, id: null }))?.customer).toMatchObject({
      name: 'Grace',
    });
    expect(parseEmbedMessage(message(null))).toEqual({ tally: 1, type: 'customer', customer: null });
  });

  it.each([
    ['not an object', 'customer'],
    ['null', null],
    ['another version', { tally: 2, type: 'customer', customer: ADA }],
    ['another type', { tally: 1, type: 'delete-everything', customer: ADA }],
    ['an extra field at the top', { ...message(ADA), reply: 'https://evil.example' }],
    ['an extra customer field', message({ ...ADA, notes: 'x' })],
    ['no customer field', { tally: 1, type: 'customer' }],
    ['no name', message({ id: 'C-1', email: 'a@b.co' })],
    ['a name that is not text', message({ name: { toString: () => 'Ada' } })],
    ['a numeric id', message({ ...ADA, id: 42 })],
    ['a 201-character name', message({ name: 'a'.repeat(201) })],
    ['a 100 kB email', message({ name: 'Ada', email: `${'a'.repeat(100_000)}@example.com` })],
    ['a 51-character phone', message({ name: 'Ada', phone: '1'.repeat(51) })],
    ['a 101-character id', message({ name: 'Ada', id: 'i'.repeat(101) })],
  ])('refuses %s', (_what, data) => {
    expect(parseEmbedMessage(data)).toBeNull();
  });
});

describe('embedSnapshot', () => {
  it("is the customer as read on the host's page, with the id kept per origin", () => {
    expect(embedSnapshot(ADA, 'https://crm.example.com')).toEqual({
      backOffice: 'embed',
      externalId: 'C-42',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      url: 'https://crm.example.com/#tally-customer/C-42',
    });
  });

  it('gives every customer an address of its own, with an id or without', () => {
    const origin = 'https://crm.example.com';
    const urls = [
      embedSnapshot({ id: 'C-1', name: 'Ada' }, origin).url,
      embedSnapshot({ id: 'C-2', name: 'Ada' }, origin).url,
      embedSnapshot({ id: 'a b/c?d#e', name: 'Ada' }, origin).url,
      embedSnapshot({ name: 'Ada' }, origin).url,
      embedSnapshot({ name: 'Ada', email: 'ada@example.com' }, origin).url,
      embedSnapshot({ name: 'Grace' }, origin).url,
    ];
    expect(new Set(urls).size).toBe(urls.length);
    expect(embedSnapshot({ name: 'Ada' }, origin).url).toBe(embedSnapshot({ name: 'Ada' }, origin).url);
    for (const url of urls) expect(new URL(url).origin).toBe(origin);
  });

  it('cleans the text like any page text and refuses what is no contact', () => {
    const snapshot = embedSnapshot({ name: '  Ada\u202e\u0000  Lovelace\n' }, 'https://crm.example.com');
    expect(snapshot.name).toBe('Ada Lovelace');
    expect(() => embedSnapshot({ name: '\u200e \n' }, 'https://crm.example.com')).toThrow();
    expect(() => embedSnapshot({ name: 'Ada', email: 'not an email' }, 'https://crm.example.com')).toThrow();
  });
});

describe('allowed origins', () => {
  it('are exactly http(s) origins', () => {
    expect(isWebOrigin('https://crm.example.com')).toBe(true);
    expect(isWebOrigin('http://127.0.0.1:5178')).toBe(true);
    for (const text of [
      'https://crm.example.com/',
      'https://crm.example.com/clients',
      'HTTPS://CRM.example.com',
      'https://crm.example.com:443',
      'crm.example.com',
      'javascript:alert(1)',
      'file:///etc',
      'null',
      '*',
      '',
    ]) {
      expect(isWebOrigin(text), text).toBe(false);
    }
  });

  it('are read from what the user types', () => {
    expect(toEmbedOrigin('crm.example.com')).toBe('https://crm.example.com');
    expect(toEmbedOrigin(' https://CRM.example.com/clients/12?x=1 ')).toBe('https://crm.example.com');
    expect(toEmbedOrigin('http://127.0.0.1:5178/crm')).toBe('http://127.0.0.1:5178');
    expect(toEmbedOrigin('ftp://crm.example.com')).toBeNull();
    expect(toEmbedOrigin('javascript:alert(1)')).toBeNull();
    expect(toEmbedOrigin('   ')).toBeNull();
  });

  it('are a capped list, stored as the embedOrigins setting', () => {
    expect(SETTINGS.embedOrigins.schema).toBe(EmbedOrigins);
    expect(SETTINGS.embedOrigins.default).toEqual([]);
    const many = Array.from({ length: 51 }, (_, index) => `https://crm${index}.example.com`);
    expect(EmbedOrigins.safeParse(many.slice(0, 50)).success).toBe(true);
    expect(EmbedOrigins.safeParse(many).success).toBe(false);
    expect(EmbedOrigins.safeParse(['https://crm.example.com/']).success).toBe(false);
  });
});
