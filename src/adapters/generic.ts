import type { PageFields } from './adapter';

/** PLACEHOLDER — being written (issue 3): heuristics for pages no adapter knows. */
export function detectGeneric(_doc: Document, _url: URL): { fields: PageFields; confidence: number } | null {
  return null;
}
