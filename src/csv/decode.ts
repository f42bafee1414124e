/** The encodings Tally reads CSV files in. UTF-16 is what Excel's "Unicode Text" export writes. */
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

const BOM = '\uFEFF';

/**
 * Turns the bytes of a CSV file into text. Files are UTF-8 unless they are not valid UTF-8, in
 * which case they come from an older Excel or a Western-European back office and are
 * Windows-1252 (every byte sequence is valid there, so this never fails). A UTF-16 byte-order
 * mark is honoured. The BOM never reaches the text: it would otherwise glue itself to the first
 * header name.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    return { text: stripBom(new TextDecoder(utf16).decode(bytes)), encoding: utf16 };
  }
  try {
    // ignoreBOM keeps the BOM in the text so stripBom handles both decoders the same way.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: stripBom(text), encoding: 'utf-8' };
  } catch {
    // A UTF-8 BOM in front of a file that is not UTF-8 after all: drop the BOM's bytes, which
    // Windows-1252 would otherwise show as "ï»¿".
    const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 puts printable characters (€, curly quotes, Š…) at 0x80–0x9F, where Latin-1 has
 * control codes. Node 20.18.3+ and 22.13.0+ decode the 'windows-1252' label as Latin-1
 * (https://github.com/nodejs/node/issues/56542, /60888), so those bytes are mapped here; browsers
 * already get them right, and the replacement then finds nothing to do.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009F]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
