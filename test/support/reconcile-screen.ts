import type { Frame, Page } from 'puppeteer';

/** The dashboard's reconcile results, and the progress bar shown while a job runs. */
export const RESULTS = 'section[aria-labelledby=reconcile-results-heading]';
export const PROGRESS = 'progress[aria-label="Reconcile progress"]';

/** Drops a file made in the page on the drop zone, as a drag from the desktop would. */
export async function dropFile(
  target: Page | Frame,
  zone: string,
  name: string,
  text: string,
): Promise<void> {
  await target.evaluate(
    (selector, fileName, content) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`No drop zone ${selector}`);
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: 'text/csv' }));
      element.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
      element.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    zone,
    name,
    text,
  );
}

/** Waits for the results of `fileName` with no job running. */
export async function waitForResults(page: Page, fileName: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (results, progress, name) =>
      (document.querySelector(`${results} h3`)?.textContent ?? '') === `Results: ${name}` &&
      document.querySelector(progress) === null,
    { timeout },
    RESULTS,
    PROGRESS,
    fileName,
  );
}
