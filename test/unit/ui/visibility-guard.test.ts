// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  guardAgainstClickjacking,
  isGuarded,
  supportsVisibilityTracking,
} from '../../../src/ui/sidebar/visibility-guard';

/**
 * The guard's rule, with the browser's IntersectionObserver v2 played by a fake: while the last
 * report says the sidebar is not fully visible, clicks on confirming or deleting buttons are
 * stopped before their handlers and the reason is given; other clicks go through. (The real
 * observer, covering and transparency are in test/e2e/clickjacking.test.ts.)
 */
type Report = (entries: { isVisible: boolean }[]) => void;
let report: Report = () => {};
const realObserver = globalThis.IntersectionObserver;
const realEntry = globalThis.IntersectionObserverEntry;

beforeEach(() => {
  class FakeObserver {
    constructor(
      callback: Report,
      readonly options: Record<string, unknown>,
    ) {
      report = callback;
      expect(options).toMatchObject({ trackVisibility: true, delay: 100 });
    }
    observe() {}
    disconnect() {}
  }
  class FakeEntry {}
  Object.defineProperty(FakeEntry.prototype, 'isVisible', { value: false });
  Object.assign(window, { IntersectionObserver: FakeObserver, IntersectionObserverEntry: FakeEntry });
  document.body.replaceChildren();
});

afterEach(() => {
  Object.assign(window, { IntersectionObserver: realObserver, IntersectionObserverEntry: realEntry });
});

/** A button as the sidebar renders it; `guarded` ones confirm or delete (`data-guard`). */
function button(text: string, onClick: () => void, guarded = false): HTMLButtonElement {
  const element = document.createElement('button');
  if (guarded) element.dataset['guard'] = '';
  element.type = 'button';
  element.append(document.createElement('span'));
  element.firstElementChild!.textContent = text;
  element.addEventListener('click', onClick);
  document.body.append(element);
  return element;
}

describe('clickjacking guard', () => {
  it('knows the buttons that confirm or delete by data-guard, whatever their text says', () => {
    expect(isGuarded(button('Confirm order', () => {}, true).firstElementChild)).toBe(true);
    expect(isGuarded(button(' Delete ', () => {}, true))).toBe(true);
    expect(isGuarded(button('Save changes', () => {}, true))).toBe(true);
    expect(isGuarded(button('Record purchase', () => {}))).toBe(false);
    // A renamed or translated button keeps its guard; the text decides nothing.
    expect(isGuarded(button('Confirm order', () => {}))).toBe(false);
    const marked = button('Pay', () => {});
    marked.dataset['guard'] = '';
    expect(isGuarded(marked)).toBe(true);
    expect(isGuarded(null)).toBe(false);
  });

  it('stops Confirm order while the sidebar is not visible, and lets it through once it is', () => {
    const refusals: string[] = [];
    const guard = guardAgainstClickjacking(document, (message) => refusals.push(message));
    const confirm = vi.fn();
    const other = vi.fn();
    const confirmButton = button('Confirm order', confirm, true);
    const otherButton = button('Record purchase', other);

    // Before the first report, and after a report of "covered": refused.
    confirmButton.click();
    report([{ isVisible: false }]);
    expect(document.documentElement.dataset['covered']).toBe('true');
    confirmButton.click();
    otherButton.click();
    expect(confirm).not.toHaveBeenCalled();
    expect(other).toHaveBeenCalledTimes(1);
    expect(refusals).toEqual([
      'This page covers or hides Tally, so nothing was done. Make the sidebar fully visible and try again.',
      'This page covers or hides Tally, so nothing was done. Make the sidebar fully visible and try again.',
    ]);

    report([{ isVisible: true }]);
    expect(guard.visible()).toBe(true);
    expect(document.documentElement.dataset['covered']).toBe('false');
    confirmButton.click();
    expect(confirm).toHaveBeenCalledTimes(1);
    guard.dispose();
  });

  it('guards nothing where the browser cannot track visibility (Firefox)', () => {
    Object.assign(window, { IntersectionObserverEntry: class {} });
    expect(supportsVisibilityTracking(window as unknown as typeof globalThis)).toBe(false);
    const confirm = vi.fn();
    const guard = guardAgainstClickjacking(document, () => {});
    button('Confirm order', confirm, true).click();
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(guard.visible()).toBe(true);
  });
});
