import { messageTable } from './message-table';

/** What a capture did, in the words the user sees. */
export type CaptureOutcome = 'captured' | 'updated' | 'unchanged';

export const CAPTURE_OUTCOME_TEXT = messageTable<CaptureOutcome>({
  captured: 'domain_capture_captured',
  updated: 'domain_capture_updated',
  unchanged: 'domain_capture_unchanged',
});
