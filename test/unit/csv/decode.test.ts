import { describe, it, expect } from 'vitest';
import { decodeCsvBytes } from '../../../src/csv/decode';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeCsvBytes', () => {
  it('reads UTF-8 and strips its BOM', () => {
    expect(decodeCsvBytes(utf8('\uFEFFsku,name\nA1,Café'))).toEqual({
      text: 'sku,name\nA1,Café',
      encoding: 'utf-8',
    });
  });

  it('reads UTF-8 without a BOM unchanged', () => {
    expect(decodeCsvBytes(utf8('a,b\n€,ü'))).toEqual({ text: 'a,b\n€,ü', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    // "Café,€5" as Excel for Windows saves it: 0xE9 is é, 0x80 is €.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x80, 0x35]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Café,€5', encoding: 'windows-1252' });
  });

  it('maps every Windows-1252 byte from 0x80 to 0x9F', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const { text } = decodeCsvBytes(bytes);
    expect(text).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
  });

  it('drops a UTF-8 BOM in front of a Windows-1252 body', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xe9]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'aé', encoding: 'windows-1252' });
  });

  it('reads UTF-16 (Excel "Unicode Text") by its BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x09, 0x00, 0xe9, 0x00]);
    expect(decodeCsvBytes(le)).toEqual({ text: 'a\té', encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x00, 0xe9]);
    expect(decodeCsvBytes(be)).toEqual({ text: 'aé', encoding: 'utf-16be' });
  });

  it('reads an empty file as empty text', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
