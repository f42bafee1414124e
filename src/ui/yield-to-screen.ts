/**
 * Resolves once what the page just rendered has been painted, so heavy work that follows
 * (duplicate finding, reports over 50,000 orders) does not keep it off the screen. A task queued
 * from a frame callback runs after that frame's paint. A hidden page paints no frames: then it
 * resolves after 50 ms, as it does where there are no frames at all.
 */
export function yieldToScreen(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 50);
    // Outside a page (the unit tests' Node) there are no frames: the timeout alone.
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
