import { describe, expect, it } from 'vitest';
import { cleanText, parseContactSnapshot, SNAPSHOT_LIMITS } from '../../../src/domain/contact-snapshot';

const base = {
  backOffice: 'northwind',
  name: 'Ada Lovelace',
  url: 'http://127.0.0.1:5178/rep/customers/C-1',
};

describe('page text as Tally keeps it', () => {
  it('keeps markup as text, and RTL text and emoji as they are', () => {
    expect(cleanText('<img src=x onerror=alert(1)>', 200)).toBe('<img src=x onerror=alert(1)>');
    expect(cleanText('  مريم   الخوري 🎉 ', 200)).toBe('مريم الخوري 🎉');
  });

  it('removes control characters and bidi overrides, and collapses whitespace', () => {
    expect(cleanText('Ada\u0000\u0007 Love\u202Elace\r\n\t', 200)).toBe('Ada Love lace');
    expect(cleanText('\u200f\u0001 ', 200)).toBeUndefined();
  });

  it('cuts a 100 KB name to the limit without splitting an emoji', () => {
    const huge = '😀'.repeat(50_000);
    const cut = cleanText(huge, SNAPSHOT_LIMITS.name);
    expect(Array.from(cut ?? '')).toHaveLength(SNAPSHOT_LIMITS.name);
    expect(cut).toBe('😀'.repeat(SNAPSHOT_LIMITS.name));
  });
});

describe('contact snapshots', () => {
  it('parses and cleans every field', () => {
    expect(
      parseContactSnapshot({
        ...base,
        name: ' Ada\n Lovelace ',
        email: ' ada@example.com ',
        role: 'supplier',
      }),
    ).toEqual({ ...base, email: 'ada@example.com', role: 'supplier' });
  });

  it('names the field that does not fit', () => {
    expect(() => parseContactSnapshot({ ...base, name: '  ' })).toThrow(/^name:/);
    expect(() => parseContactSnapshot({ ...base, email: 'not an email' })).toThrow(/^email:/);
    expect(() => parseContactSnapshot({ ...base, url: 'javascript:alert(1)' })).toThrow(/^url:/);
    expect(() => parseContactSnapshot({ ...base, backOffice: 'Not An Id' })).toThrow(/^backOffice:/);
    expect(() => parseContactSnapshot({ ...base, phone: 42 })).toThrow(/^phone:/);
    expect(() => parseContactSnapshot({ ...base, role: 'admin' })).toThrow(/^role:/);
    expect(() => parseContactSnapshot(null)).toThrow(/^snapshot:/);
  });

  it('accepts its own output', () => {
    const once = parseContactSnapshot({ ...base, phone: '+1 415 555 0134', externalId: 'C-1' });
    expect(parseContactSnapshot(once)).toEqual(once);
  });
});
