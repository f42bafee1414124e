import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * For a part of the screen that goes away after an action (the Columns form once confirmed, the
 * progress once the job ends, a probable match once decided): when it leaves with the keyboard
 * focus inside it, the focus goes to the first of `next(element)` still in the page, instead of
 * falling back to the page's top, where a keyboard or screen-reader user would have to find
 * their way back from.
 */
export function useFocusHandoff<T extends HTMLElement>(
  next: (leaving: T) => readonly (HTMLElement | null | undefined)[],
) {
  const ref = useRef<T>(null);
  const latest = useRef(next);
  latest.current = next;
  useLayoutEffect(() => {
    const element = ref.current;
    return () => {
      if (!element?.contains(document.activeElement)) return;
      // Chosen now, while the element and its neighbours are still in place; focused once the
      // element has been taken out of the page.
      const targets = latest.current(element);
      setTimeout(() => targets.find((target) => target?.isConnected)?.focus());
    };
  }, []);
  return ref;
}

/** The first button inside `element` (an order's first action), if any. */
export function firstButton(element: Element | null | undefined): HTMLElement | null {
  return element?.querySelector<HTMLElement>('button:not([disabled])') ?? null;
}

/** The `Reconcile export` button of the reconcile section (dashboard or sidebar) `element` is in. */
export function reconcileFileButton(element: Element): HTMLElement | null {
  return firstButton(element.closest('.reconcile')?.querySelector('.drop-zone'));
}
