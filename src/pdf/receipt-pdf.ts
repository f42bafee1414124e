import { t } from '../domain/i18n';
import { GAP, INK, MUTED, PageWriter } from './pdf-page';
import type { ReceiptLayout } from './receipt-layout';
import { winAnsiText as text } from './win-ansi';

/**
 * The purchase receipt as a PDF, drawn from its layout (receipt-layout.ts) with the page writer
 * every document shares (pdf-page.ts): the seller, the items carried over as many pages as they
 * take, payment, a trade-in, the terms, and lines to sign. Runs wherever jspdf does: the
 * dashboard, and Node for the tests.
 */

export function receiptPdf(layout: ReceiptLayout): ArrayBuffer {
  const pdf = new PageWriter(layout.paper, layout.title);
  pdf.letterhead(layout.shop);

  pdf.write(layout.title, { size: 14, bold: true });
  pdf.write(layout.date, { bold: !layout.paid, color: layout.paid ? MUTED : INK });
  pdf.y += 2;

  pdf.heading(t('pdf_seller'));
  pdf.write(layout.seller.name, { bold: true });
  for (const detail of layout.seller.details) pdf.write(detail);
  pdf.y += 1;
  pdf.fields(layout.seller.identification);

  pdf.heading(t('pdf_items'));
  pdf.amountsTable(layout.items, [layout.total]);

  if (layout.payment.length > 0) {
    pdf.heading(t('pdf_payment'));
    pdf.fields(layout.payment);
  }

  if (layout.tradeIn) {
    pdf.heading(layout.tradeIn.heading);
    pdf.amountsTable(layout.tradeIn.purchase, layout.tradeIn.totals);
    pdf.write(layout.tradeIn.difference, { size: 12, bold: true });
    pdf.y += GAP;
  }

  if (layout.terms.length > 0) {
    pdf.heading(t('pdf_terms'));
    pdf.paragraphs(layout.terms, { size: 9 });
  }

  signatureLines(pdf, layout.signatures);
  // Each page names its receipt, so that a loose second page is still known.
  return pdf.finish(layout.title);
}

/** Signature lines side by side, with room above them to sign. */
function signatureLines(pdf: PageWriter, labels: readonly string[]) {
  const { doc } = pdf;
  pdf.roomFor(28);
  pdf.y += 18;
  const columnWidth = pdf.width / labels.length;
  doc.setDrawColor(...INK);
  doc.setLineWidth(0.3);
  labels.forEach((label, index) => {
    const x = pdf.left + index * columnWidth;
    doc.line(x, pdf.y, x + columnWidth - 10, pdf.y);
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(9);
    doc.setTextColor(...MUTED);
    doc.text(text(label), x, pdf.y + 1.5, { baseline: 'top' });
  });
}
