import type { Page, SerializedAXNode } from 'puppeteer';

/**
 * The launcher lives in a closed shadow root: page scripts (and puppeteer's DOM queries) cannot
 * reach it, but the accessibility tree — what a screen reader hears — can.
 */
function textOf(node: SerializedAXNode): string {
  if (node.role === 'StaticText') return node.name ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function findStatus(node: SerializedAXNode | null): SerializedAXNode | undefined {
  if (!node) return undefined;
  if (node.role === 'status') return node;
  for (const child of node.children ?? []) {
    const found = findStatus(child);
    if (found) return found;
  }
  return undefined;
}

/** The launcher's status line ("Captured: …", "Capture needs attention"…), '' when silent. */
export async function launcherStatus(page: Page): Promise<string> {
  const tree = await page.accessibility.snapshot({ interestingOnly: false });
  const status = findStatus(tree);
  return status ? textOf(status).trim() : '';
}

/** Waits until the launcher's status matches `pattern`; returns it. */
export async function waitForLauncherStatus(
  page: Page,
  pattern: RegExp,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await launcherStatus(page);
    if (pattern.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Launcher status stayed "${last}", expected ${pattern}`);
}

/** One click on the launcher's `Capture contact`; returns what it says afterwards. */
export async function captureFromLauncher(page: Page): Promise<string> {
  const before = await launcherStatus(page);
  await page.locator('::-p-aria(Capture contact)').click();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const now = await launcherStatus(page);
    if (now !== before && now !== '') return now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The launcher said nothing new after Capture contact (still "${before}")`);
}
