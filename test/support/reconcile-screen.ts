import type { Frame, Page } from 'puppeteer';

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
