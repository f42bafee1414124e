import { describe, expect, it } from 'vitest';
import { describeJob, summarizeCounts } from '../../../../src/ui/reconcile/job-status';
import { makeJob } from './fakes';

describe('what the progress line says', () => {
  it('estimates the rows of the whole file from how far the reader is', () => {
    expect(
      describeJob(
        makeJob({
          state: 'parsing',
          rowsRead: 40_000,
          textLength: 10_000,
          cursor: { offset: 4_010, line: 1, chunk: 4 },
        }),
      ),
    ).toBe('Reading rows… 40,000 of about 100,000');
    expect(describeJob(makeJob({ state: 'parsing' }))).toBe('Reading rows…');
    expect(describeJob(makeJob({ state: 'matching' }))).toBe('Matching…');
    expect(describeJob(makeJob({ state: 'saving' }))).toBe('Saving…');
  });

  it('never estimates fewer rows than were read', () => {
    const near = makeJob({ state: 'parsing', rowsRead: 99, cursor: { offset: 1000, line: 1, chunk: 1 } });
    expect(describeJob(near)).toBe('Reading rows… 99 of about 99');
  });

  it('sums a run up by what needs attention', () => {
    const none = { synced: 0, probable: 0, conflict: 0, missing: 0, backOfficeOnly: 0 };
    expect(summarizeCounts({ ...none, synced: 4, missing: 3, conflict: 1 })).toBe('3 missing, 1 conflict');
    expect(summarizeCounts({ ...none, conflict: 2, probable: 1, backOfficeOnly: 1 })).toBe(
      '2 conflicts, 1 probable, 1 back office only',
    );
    expect(summarizeCounts({ ...none, synced: 12 })).toBe('all 12 synced');
    expect(summarizeCounts(none)).toBe('no recorded orders in the dates this file covers');
  });
});
