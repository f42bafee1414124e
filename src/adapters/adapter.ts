import type { ContactSnapshot } from '../domain/contact-snapshot';

/**
 * What Tally knows about one back office, in the style of Zotero's translators: a cheap URL
 * filter first, then a DOM check, then extraction into a validated snapshot.
 */
export interface BackOfficeAdapter {
  /** Stable id; stored with every external id read from this back office. */
  id: string;
  name: string;
  /** Cheap URL filter, run before any DOM access. */
  matches(url: URL): boolean;
  /** Whether this document is a customer page. */
  detect(doc: Document): boolean;
  /** The customer on the page. Throws (with a zod path) when the page no longer fits. */
  extract(doc: Document, url: URL): ContactSnapshot;
  /** Pages this adapter must recognise, and what it must read from each (see test/fixtures). */
  examples: readonly string[];
}

/** The trimmed, whitespace-collapsed text of the first element matching `selector`, if any. */
export function textOf(root: ParentNode, selector: string): string | undefined {
  const text = root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}
