import type { UserOptions } from 'jspdf-autotable';
import { MUTED, PageWriter } from './pdf-page';
import type { DocumentTable } from './document-layout';
import { t } from '../domain/i18n';
import { samplesHeading, type StatementLayout } from './statement-layout';

/**
 * The customer statement as a PDF, drawn from its layout (statement-layout.ts) with the page
 * writer the receipt uses (pdf-page.ts): a long history goes over further pages with the table
 * header repeated, and each order's row is kept whole.
 */

export function statementPdf(layout: StatementLayout): ArrayBuffer {
  const pdf = new PageWriter(layout.paper, `${layout.title} · ${layout.customer.name}`);
  pdf.letterhead(layout.shop);

  pdf.write(layout.title, { size: 14, bold: true });
  pdf.write(layout.period);
  pdf.write(layout.issued, { color: MUTED });
  pdf.y += 2;

  pdf.heading(t('pdf_customer'));
  pdf.write(layout.customer.name, { bold: true });
  for (const detail of layout.customer.details) pdf.write(detail);
  pdf.y += 1;

  pdf.heading(t('pdf_purchases'));
  if (layout.purchases) {
    pdf.amountsTable(layout.purchases, layout.totals, { columnStyles: columnWidths(layout.purchases) });
  } else {
    pdf.write(layout.noPurchases);
  }

  if (layout.samples) {
    pdf.heading(samplesHeading());
    pdf.amountsTable(layout.samples, [], { columnStyles: columnWidths(layout.samples) });
  }

  return pdf.finish(layout.footer);
}

/** Text columns wrap; dates, references and amounts keep to one line and take only their width. */
function columnWidths(data: DocumentTable): UserOptions['columnStyles'] {
  return Object.fromEntries(
    data.columns.map((column, index) => [
      index,
      {
        halign: column.align,
        cellWidth: column.wraps ? ('auto' as const) : ('wrap' as const),
        ...(column.minWidth ? { minCellWidth: column.minWidth } : {}),
      },
    ]),
  );
}
