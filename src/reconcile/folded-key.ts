/**
 * A quick "certainly not" for looking an export's ids and emails up among the contacts' keys,
 * which are trimmed and lower-cased: most customers of an export are not contacts, and folding
 * each of their ids and emails into a new string only to miss costs more than all the rest of
 * resolving them. The hash is of the text as trim() and toLowerCase() would make it, computed
 * without making it, for ASCII text; any other text gets undefined and is always looked up.
 */
export function foldedKeyHash(text: string): number | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) {
    let code = text.charCodeAt(index);
    if (code >= 0x80) return undefined;
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash;
}

/** The ASCII characters String.prototype.trim removes: tab, line breaks, form feed, space. */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** Folded keys (contacts' ids or emails) by hash: whether a written one may be among them. */
export class FoldedKeys {
  private readonly hashes = new Set<number>();

  add(key: string): void {
    const hash = foldedKeyHash(key);
    // A key beyond ASCII is only ever met by text beyond ASCII, which is always looked up.
    if (hash !== undefined) this.hashes.add(hash);
  }

  /** False only when `written`, trimmed and lower-cased, is certainly none of the keys. */
  mayHave(written: string): boolean {
    const hash = foldedKeyHash(written);
    return hash === undefined || this.hashes.has(hash);
  }
}
