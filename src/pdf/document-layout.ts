/**
 * What the layouts of Tally's printed documents (receipt, statement, purchase order) share: the
 * shop's letterhead and the way text a person typed becomes lines. Plain data, no jspdf, so the
 * dashboard may import the layouts for previews without loading the PDF library.
 */

/** The shop at the head of a document, with its logo (a PNG or JPEG data URL) at the right. */
export interface Letterhead {
  name: string;
  addressLines: string[];
  logo: string | null;
}

export function letterhead(name: string, address: string, logo: string | null | undefined): Letterhead {
  return { name, addressLines: nonEmptyLines(address), logo: logo ?? null };
}

/** Text the user typed over several lines, as its non-empty lines. */
export function nonEmptyLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The details of a person that are filled in, in the order given (company, address, email…). */
export function filledIn(details: readonly (string | null | undefined)[]): string[] {
  return details.filter((detail): detail is string => !!detail);
}
