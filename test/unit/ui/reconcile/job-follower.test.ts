import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReconcileJob } from '../../../../src/db/reconcile-tables';
import { followJob } from '../../../../src/ui/reconcile/job-follower';
import { fakeJobs, makeJob } from './fakes';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('following a reconcile job', () => {
  it('reads the job every 250 ms and ends with it once done', async () => {
    const jobs = fakeJobs(makeJob({ state: 'parsing' }));
    const seen: ReconcileJob[] = [];
    const following = followJob(jobs, 'job-1', (job) => seen.push(job));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(seen).toHaveLength(2);
    jobs.set({ state: 'done', progress: 1, runId: 'run-1' });
    await vi.advanceTimersByTimeAsync(250);
    expect((await following.finished)?.state).toBe('done');
    const reads = seen.length;
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toHaveLength(reads);
  });

  it('asks the worker again after 3 s without progress, and not while the job moves', async () => {
    const jobs = fakeJobs(makeJob({ state: 'parsing' }));
    const following = followJob(jobs, 'job-1', () => undefined);
    // Moving every poll: never re-sent.
    for (let step = 1; step <= 20; step++) {
      jobs.set({ rowsRead: step * 100, cursor: { offset: step * 10, line: step, chunk: step } });
      await vi.advanceTimersByTimeAsync(250);
    }
    expect(jobs.runs).toEqual([]);
    // Stalled (the worker was stopped): one re-send at 3 s, the next 3 s later.
    await vi.advanceTimersByTimeAsync(2750);
    expect(jobs.runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(jobs.runs).toEqual(['job-1']);
    await vi.advanceTimersByTimeAsync(3000);
    expect(jobs.runs).toEqual(['job-1', 'job-1']);
    // It resumes: no more re-sends while it moves.
    jobs.set({ rowsRead: 5000 });
    await vi.advanceTimersByTimeAsync(2500);
    expect(jobs.runs).toHaveLength(2);
    following.stop();
    expect(await following.finished).toBeUndefined();
  });

  it('tells how long the job has not moved, back to 0 once it moves', async () => {
    const jobs = fakeJobs(makeJob({ state: 'parsing' }));
    const stalled: number[] = [];
    const following = followJob(jobs, 'job-1', (_job, reading) => stalled.push(reading.stalledMs));
    await vi.advanceTimersByTimeAsync(1000);
    expect(stalled).toEqual([0, 250, 500, 750, 1000]);
    jobs.set({ rowsRead: 10 });
    await vi.advanceTimersByTimeAsync(250);
    expect(stalled.at(-1)).toBe(0);
    following.stop();
  });

  it('keeps following when the re-send fails (no worker answered)', async () => {
    const jobs = fakeJobs(makeJob({ state: 'queued' }));
    let sends = 0;
    const following = followJob(
      {
        readJob: jobs.readJob,
        runJob: async () => {
          sends++;
          throw new Error('no answer');
        },
      },
      'job-1',
      () => undefined,
    );
    await vi.advanceTimersByTimeAsync(3250);
    expect(sends).toBe(1);
    jobs.set({ state: 'cancelled' });
    await vi.advanceTimersByTimeAsync(250);
    expect((await following.finished)?.state).toBe('cancelled');
  });

  it('stops at once when asked, and when the job is gone', async () => {
    const jobs = fakeJobs(makeJob({ state: 'parsing' }));
    let reads = 0;
    const following = followJob(jobs, 'job-1', () => reads++);
    await vi.advanceTimersByTimeAsync(0);
    following.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(1);
    expect(await following.finished).toBeUndefined();

    jobs.remove();
    const gone = followJob(jobs, 'job-1', () => reads++);
    expect(await gone.finished).toBeUndefined();
  });
});
