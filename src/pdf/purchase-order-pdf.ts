import { t } from '../domain/i18n';
import { PageWriter } from './pdf-page';
import type { PurchaseOrderLayout } from './purchase-order-layout';

/**
 * A purchase order as a PDF, drawn from its layout (purchase-order-layout.ts) with the page writer
 * the receipt uses (pdf-page.ts): the shop as the buyer with its letterhead, the order's details,
 * the supplier, the products carried over as many pages as they take, the total and the note.
 * Runs in the dashboard and in Node for the tests.
 */

export function purchaseOrderPdf(layout: PurchaseOrderLayout): ArrayBuffer {
  const pdf = new PageWriter(layout.paper, layout.title);
  pdf.letterhead(layout.shop);

  pdf.write(layout.title, { size: 14, bold: true });
  pdf.y += 1;
  pdf.fields(layout.details);

  pdf.heading(t('pdf_supplier'));
  pdf.write(layout.supplier.name, { bold: true });
  for (const detail of layout.supplier.details) pdf.write(detail);
  pdf.y += 1;

  pdf.heading(t('pdf_products'));
  pdf.amountsTable(layout.lines, [layout.total]);

  if (layout.note.length > 0) {
    pdf.heading(t('pdf_note'));
    pdf.paragraphs(layout.note, { size: 10 });
  }

  // Each page names its order, so that a loose second page is still known.
  return pdf.finish(layout.title);
}
