/**
 * When to detect again on a page that changes under us. A URL change detects at once; DOM
 * changes are throttled, and a page that keeps mutating without changing what Tally finds is
 * scanned less and less often (up to every 2 s): no observer storms, no slowed host page.
 */
const FIRST_INTERVAL = 250;
const LONGEST_INTERVAL = 2000;

export interface ScanScheduler {
  /** The DOM changed: detect again soon. */
  changed(): void;
  /** The URL changed: detect again now. */
  now(): void;
  /** What the last scan found differed from the one before: stay responsive. */
  settled(changedResult: boolean): void;
  stop(): void;
}

export function createScanScheduler(scan: () => void): ScanScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let interval = FIRST_INTERVAL;
  let lastScan = 0;
  const run = () => {
    timer = undefined;
    lastScan = performance.now();
    scan();
  };
  return {
    changed() {
      if (timer !== undefined) return;
      timer = setTimeout(run, Math.max(0, lastScan + interval - performance.now()));
    },
    now() {
      clearTimeout(timer);
      interval = FIRST_INTERVAL;
      run();
    },
    settled(changedResult) {
      interval = changedResult ? FIRST_INTERVAL : Math.min(interval * 2, LONGEST_INTERVAL);
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
