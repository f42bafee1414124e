import axe from 'axe-core';
import type { CDPSession, Frame, Page } from 'puppeteer';

/**
 * axe-core in Tally's pages. Extension pages forbid inline and foreign scripts (their CSP), so
 * `addScriptTag` is refused there; code evaluated through the DevTools protocol is not subject to
 * the page's CSP, so the library's source is evaluated as it is, in the page or in the sidebar's
 * out-of-process frame alike.
 */

/** What a user would be stopped by: axe's serious and critical findings. */
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** The offending elements, as CSS selectors, each with axe's summary of what is wrong with it. */
  nodes: { target: string; summary: string }[];
}

/** Runs axe on the whole document of `target` and returns its serious and critical violations. */
export async function axeViolations(target: Page | Frame): Promise<AxeFinding[]> {
  const loaded = await target.evaluate(() => 'axe' in globalThis);
  if (!loaded) await target.evaluate(axe.source);
  const violations = await target.evaluate(async () => {
    const runner = (globalThis as unknown as { axe: typeof axe }).axe;
    const results = await runner.run(document, {
      resultTypes: ['violations'],
      // The sidebar is one frame; its host page (a demo back office) is not Tally's to fix.
      iframes: false,
    });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map(String).join(' '),
        summary: node.failureSummary ?? '',
      })),
    }));
  });
  return violations.filter((violation) => BLOCKING.has(violation.impact));
}

/** The findings as a reader wants them in a failed test: rule, help and where. */
export function formatFindings(findings: readonly AxeFinding[]): string {
  return findings
    .map(
      (finding) =>
        `${finding.rule} (${finding.impact}): ${finding.help}\n` +
        finding.nodes
          .map((node) => `  - ${node.target}\n    ${node.summary.replace(/\n\s*/g, '\n    ')}`)
          .join('\n'),
    )
    .join('\n');
}

/** '' when `target` has no serious or critical violation, else the readable list (for `expect(...).toBe('')`). */
export async function axeReport(target: Page | Frame): Promise<string> {
  return formatFindings(await axeViolations(target));
}

export type ColorScheme = 'light' | 'dark';

/** One DevTools session per out-of-process frame, kept open: closing it would drop the emulation. */
const frameSessions = new Map<string, Promise<CDPSession>>();

/**
 * Makes `target` render as on a system set to `scheme`. A page takes puppeteer's emulation; the
 * docked sidebar is an out-of-process frame, which the page's emulation does not reach, so it
 * gets the same DevTools command through its own target.
 */
export async function emulateColorScheme(target: Page | Frame, scheme: ColorScheme): Promise<void> {
  const features = [{ name: 'prefers-color-scheme', value: scheme }];
  if (!('parentFrame' in target) || target.parentFrame() === null) {
    const page = 'parentFrame' in target ? target.page() : target;
    await page.emulateMediaFeatures(features);
    return;
  }
  const url = target.url();
  let session = frameSessions.get(url);
  if (!session) {
    const frameTarget = target
      .page()
      .browser()
      .targets()
      .find((candidate) => candidate.url() === url && candidate.type() !== 'page');
    if (!frameTarget) throw new Error(`No DevTools target for the frame ${url}`);
    session = frameTarget.createCDPSession();
    frameSessions.set(url, session);
  }
  await (await session).send('Emulation.setEmulatedMedia', { features });
  const applied = await target.evaluate(
    (wanted) => matchMedia(`(prefers-color-scheme: ${wanted})`).matches,
    scheme,
  );
  if (!applied) throw new Error(`The frame ${url} did not take the ${scheme} scheme`);
}

/**
 * axe's serious and critical findings on `target` in the light and then the dark scheme, as one
 * readable text ('' when there are none): `expect(await axeInBothThemes(page)).toBe('')`.
 */
export async function axeInBothThemes(target: Page | Frame): Promise<string> {
  const reports: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await emulateColorScheme(target, scheme);
    const report = await axeReport(target);
    if (report) reports.push(`[${scheme}]\n${report}`);
  }
  await emulateColorScheme(target, 'light');
  return reports.join('\n');
}
