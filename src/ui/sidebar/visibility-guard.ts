import { t } from '../../domain/i18n';

/**
 * Clickjacking guard for the sidebar framed in a back-office page. The page owns the frame's
 * host element: it can cover the frame with a decoy that lets clicks through, make it nearly
 * transparent or hide it, and so trick a rep into confirming or deleting in Tally. The browser's
 * IntersectionObserver v2 (`trackVisibility`) tells the frame itself whether it is really seen:
 * `isVisible` is false when anything covers it or when opacity, a filter or a distorting
 * transform is applied to it or any ancestor, across frames
 * (https://web.dev/articles/intersectionobserver-v2).
 *
 * While the sidebar is not fully visible, a click on a button that confirms or deletes — by
 * mouse, keyboard or script — is stopped before its handler runs, and the sidebar says why in
 * one line. Those buttons carry `data-guard` (`Confirm order`, `Save changes`, `Delete`…). In the
 * browser's own side panel the page cannot reach the sidebar, so nothing is guarded there.
 *
 * Limit: Firefox has no IntersectionObserver v2. There the guard cannot see what covers the
 * frame, and guarded buttons work as they always did (see `supportsVisibilityTracking`).
 */

/** The attribute that marks a button whose click confirms or deletes: `<button data-guard>`. */
export const GUARD_ATTRIBUTE = 'data-guard';

/** Whether `target` is, or is inside, a button that confirms or deletes. */
export function isGuarded(target: Element | null): boolean {
  return target?.closest(`[${GUARD_ATTRIBUTE}]`) != null;
}

/** IntersectionObserver v2's options; the DOM types of this TypeScript do not name them yet. */
interface VisibilityObserverInit extends IntersectionObserverInit {
  trackVisibility: boolean;
  delay: number;
}

/** Whether this browser can tell that a frame is covered or transparent (Chromium 74+). */
export function supportsVisibilityTracking(scope: typeof globalThis = globalThis): boolean {
  return (
    typeof scope.IntersectionObserverEntry === 'function' &&
    'isVisible' in scope.IntersectionObserverEntry.prototype
  );
}

export interface VisibilityGuard {
  /** Whether the sidebar was, at the last report, fully visible and unaltered. */
  visible(): boolean;
  dispose(): void;
}

/**
 * Watches `document`'s body and stops guarded clicks while it is not fully visible; `onRefused`
 * shows the one-line reason. The last state is also on `<html data-covered>`, for tests and
 * styles. Until the browser's first report, the sidebar counts as not visible.
 */
export function guardAgainstClickjacking(
  document: Document,
  onRefused: (message: string) => void,
): VisibilityGuard {
  const view = document.defaultView;
  if (!view || !supportsVisibilityTracking(view as unknown as typeof globalThis)) {
    return { visible: () => true, dispose: () => {} };
  }
  let visible = false;
  const root = document.documentElement;
  root.dataset['covered'] = 'true';
  // Visibility tracking needs a delay of at least 100 ms between reports.
  const options: VisibilityObserverInit = { trackVisibility: true, delay: 100, threshold: [0, 1] };
  const observer = new view.IntersectionObserver((entries) => {
    const last = entries[entries.length - 1] as
      (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
    if (!last) return;
    visible = last.isVisible === true;
    root.dataset['covered'] = String(!visible);
  }, options);
  observer.observe(document.body);

  const onClick = (event: Event) => {
    if (visible) return;
    if (!isGuarded(event.target instanceof view.Element ? event.target : null)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    onRefused(t('security_sidebar_covered'));
  };
  // Capture phase on the window: before Preact's own listeners on the button.
  view.addEventListener('click', onClick, { capture: true });
  return {
    visible: () => visible,
    dispose: () => {
      observer.disconnect();
      view.removeEventListener('click', onClick, { capture: true });
    },
  };
}
