import type { SnapshotField } from '../domain/contact-snapshot';

/** What a page shows about its contact, as raw page text; detect.ts cleans and validates it. */
export type PageFields = Partial<Record<SnapshotField, string>> & { role?: 'customer' | 'supplier' };

/**
 * What Tally knows about one back office, in the style of Zotero's translators: a cheap URL
 * filter first, then a DOM check, then extraction of the page's fields.
 */
export interface BackOfficeAdapter {
  /** Stable id; stored with every external id read from this back office. */
  id: string;
  name: string;
  /** Cheap URL filter, run before any DOM access. */
  matches(url: URL): boolean;
  /** Whether this document is a customer page. */
  detect(doc: Document): boolean;
  /**
   * The contact's fields as the page shows them. detect.ts validates them: a page that no
   * longer fits (a redesign) is reported as broken, naming the field.
   */
  extract(doc: Document, url: URL): PageFields;
  /** Pages this adapter must recognise (see test/fixtures/adapters/<id>/cases.json). */
  examples: readonly string[];
}

/** The whitespace-collapsed text of the first element matching `selector`, if any. */
export function textOf(root: ParentNode, selector: string): string | undefined {
  const text = root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}
