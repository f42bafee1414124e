/** What a capture did, in the words the user sees. */
export type CaptureOutcome = 'captured' | 'updated' | 'unchanged';

export const CAPTURE_OUTCOME_TEXT: Readonly<Record<CaptureOutcome, string>> = {
  captured: 'Captured',
  updated: 'Updated',
  unchanged: 'Already up to date',
};
