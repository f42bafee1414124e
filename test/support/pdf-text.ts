import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a PDF's text back, one string per page, in Node: for unit tests of the receipt and label
 * PDFs and for e2e tests of downloaded ones. pdf.js's legacy build runs in Node; its "worker" is
 * then loaded into this thread from the module named here. Text items are joined as pdf.js orders
 * them, with a line break where it sees one, so a test can look for whole words and amounts.
 */

const require = createRequire(import.meta.url);
const build = dirname(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
GlobalWorkerOptions.workerSrc = pathToFileURL(join(build, 'pdf.worker.mjs')).href;
/** The metrics of the 14 standard PDF fonts (jspdf's Helvetica among them), read from disk. */
const standardFontDataUrl = join(build, '../../standard_fonts/');

export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of the buffer it is given (it transfers it): hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl,
  });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
