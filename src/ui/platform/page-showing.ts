import type { DetectionSource } from '../../adapters/detect';
import type { ContactSnapshot } from '../../domain/contact-snapshot';
import type { PageContext } from '../../messaging/protocol';

/**
 * A page that says for sure who it shows, as the sidebar takes a content script's report: the
 * web app's pages that name their customer (a back office embedding Tally, a contact opened from
 * its screen) are read like an adapter's page.
 */
export function pageShowing(snapshot: ContactSnapshot, source: DetectionSource, url: string): PageContext {
  return { url, detection: { status: 'found', source, snapshot, confidence: 1 }, draft: {} };
}
