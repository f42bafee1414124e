/**
 * What the layouts of Tally's printed documents (receipt, statement, purchase order) share: the
 * shop's letterhead, the way text a person typed becomes lines, labelled fields and tables, and
 * the paper size. Plain data, no jspdf, so the dashboard may import the layouts for previews
 * without loading the PDF library.
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

/** A label and its value, such as "Payment method" and "Cash". */
export interface DocumentField {
  label: string;
  value: string;
}

export interface DocumentColumn {
  label: string;
  /** Amounts and quantities are right-aligned so their digits line up. */
  align: 'left' | 'right';
  /** Text that wraps (product lists); other columns keep to one line and take only their width. */
  wraps?: boolean;
  /** The narrowest a wrapping column may get, in mm. */
  minWidth?: number;
}

export interface DocumentTable {
  columns: DocumentColumn[];
  /** One cell per column in each row. */
  rows: string[][];
}

export type PaperSize = 'a4' | 'letter';

/** Regions that print on US Letter; everyone else uses A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PR']);

/** The paper a shop in `locale` has in its printer ("en" is taken as en-US, as Intl does). */
export function paperFor(locale: string): PaperSize {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && LETTER_REGIONS.has(region) ? 'letter' : 'a4';
  } catch {
    return 'a4';
  }
}
