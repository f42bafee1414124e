import type { ContactSnapshot } from '../domain/contact-snapshot';
import type { BackOfficeAdapter } from './adapter';
import { errorMessage } from '../domain/errors';

export type Detection =
  | { status: 'none' }
  | { status: 'found'; adapter: BackOfficeAdapter; snapshot: ContactSnapshot }
  /** A page the adapter recognises but could not read: its back office probably changed. */
  | { status: 'broken'; adapter: BackOfficeAdapter; reason: string };

/** The customer on this page, from the first adapter whose URL filter and DOM check pass. */
export function detectContact(doc: Document, url: URL, candidates: readonly BackOfficeAdapter[]): Detection {
  for (const adapter of candidates) {
    if (!adapter.matches(url) || !adapter.detect(doc)) continue;
    try {
      return { status: 'found', adapter, snapshot: adapter.extract(doc, url) };
    } catch (error) {
      return { status: 'broken', adapter, reason: errorMessage(error) };
    }
  }
  return { status: 'none' };
}
