import { jsPDF } from 'jspdf';
import { autoTable, type CellDef, type UserOptions } from 'jspdf-autotable';
import type { ReceiptField, ReceiptTable } from './receipt-layout';
import { SAMPLES_HEADING, type StatementLayout } from './statement-layout';
import { winAnsiText } from './win-ansi';

/**
 * The customer statement as a PDF, drawn from its layout (statement-layout.ts) in the receipt's
 * style (receipt-pdf.ts): Helvetica brought into WinAnsi, tables through jspdf-autotable, which
 * carries a long history over to further pages with the table header repeated and keeps each
 * order's row whole.
 */

/** Millimetres. */
const MARGIN = 15;
const FOOTER = 8;
const GAP = 5;
const LOGO_BOX = { width: 45, height: 22 };
const MM_PER_PT = 25.4 / 72;

type Rgb = [number, number, number];
const INK: Rgb = [15, 23, 42];
const MUTED: Rgb = [100, 116, 139];
const HEAD: Rgb = [30, 41, 59];
const FOOT: Rgb = [241, 245, 249];

const text = winAnsiText;

export function statementPdf(layout: StatementLayout): ArrayBuffer {
  const doc = new jsPDF({ unit: 'mm', format: layout.paper, compress: true });
  doc.setProperties({ title: text(`${layout.title} · ${layout.customer.name}`), creator: 'Tally' });
  const pageWidth = doc.internal.pageSize.getWidth();
  const pageHeight = doc.internal.pageSize.getHeight();
  const width = pageWidth - 2 * MARGIN;
  const bottom = pageHeight - MARGIN - FOOTER;
  const tableMargin = { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER };
  let y = MARGIN;

  const lineHeight = (size: number) => size * MM_PER_PT * doc.getLineHeightFactor();

  function roomFor(height: number) {
    if (y + height <= bottom) return;
    doc.addPage();
    y = MARGIN;
  }

  function write(
    value: string,
    style: { size: number; bold?: boolean; color?: Rgb; width?: number } = { size: 10 },
  ) {
    doc.setFont('helvetica', style.bold ? 'bold' : 'normal');
    doc.setFontSize(style.size);
    doc.setTextColor(...(style.color ?? INK));
    const height = lineHeight(style.size);
    for (const line of doc.splitTextToSize(text(value), style.width ?? width) as string[]) {
      roomFor(height);
      doc.text(line, MARGIN, y, { baseline: 'top' });
      y += height;
    }
  }

  function heading(value: string) {
    // A heading is not left alone at the foot of a page.
    roomFor(lineHeight(11) + 12);
    y += 2;
    write(value, { size: 11, bold: true });
    y += 1;
  }

  function table(data: ReceiptTable, foot: readonly ReceiptField[], options: UserOptions = {}) {
    const last = data.columns.length - 1;
    autoTable(doc, {
      startY: y,
      margin: tableMargin,
      theme: 'striped',
      // An order is one row: it moves to the next page whole rather than split.
      rowPageBreak: 'avoid',
      showHead: 'everyPage',
      showFoot: 'lastPage',
      styles: { font: 'helvetica', fontSize: 9, cellPadding: 1.5, textColor: INK, overflow: 'linebreak' },
      head: [
        data.columns.map((column): CellDef => ({
          content: text(column.label),
          styles: { halign: column.align },
        })),
      ],
      body: data.rows.map((row) => row.map(text)),
      foot: foot.map((field) => [
        { content: text(field.label), colSpan: last, styles: { halign: 'right' } },
        { content: text(field.value), styles: { halign: 'right' } },
      ]),
      columnStyles: Object.fromEntries(
        data.columns.map((column, index) => [index, { halign: column.align }]),
      ),
      headStyles: { fillColor: HEAD, textColor: [255, 255, 255], fontStyle: 'bold' },
      footStyles: { fillColor: FOOT, textColor: INK, fontStyle: 'bold' },
      ...options,
    });
    y = tableEnd(doc) + GAP;
  }

  // The shop, with its logo at the right.
  const logoHeight = layout.shop.logo ? drawLogo(doc, layout.shop.logo, pageWidth - MARGIN, MARGIN) : 0;
  const beside = { width: logoHeight > 0 ? width - LOGO_BOX.width - GAP : width };
  write(layout.shop.name, { size: 16, bold: true, ...beside });
  for (const line of layout.shop.addressLines) write(line, { size: 10, color: MUTED, ...beside });
  y = Math.max(y, MARGIN + logoHeight) + GAP;

  write(layout.title, { size: 14, bold: true });
  write(layout.period, { size: 10 });
  write(layout.issued, { size: 10, color: MUTED });
  y += 2;

  heading('Customer');
  write(layout.customer.name, { size: 10, bold: true });
  for (const detail of layout.customer.details) write(detail);
  y += 1;

  heading('Purchases');
  if (layout.purchases)
    table(layout.purchases, layout.totals, { columnStyles: columnWidths(layout.purchases) });
  else write(layout.noPurchases);

  if (layout.samples) {
    heading(SAMPLES_HEADING);
    table(layout.samples, [], { columnStyles: columnWidths(layout.samples) });
  }

  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page += 1) {
    doc.setPage(page);
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(8);
    doc.setTextColor(...MUTED);
    doc.text(`${text(layout.footer)} · Page ${page} of ${pages}`, pageWidth / 2, pageHeight - MARGIN, {
      align: 'center',
      baseline: 'bottom',
    });
  }
  return doc.output('arraybuffer');
}

/** Text columns wrap; dates, references and amounts keep to one line and take only their width. */
const WRAPPING = new Set(['Products', 'Payment']);

function columnWidths(data: ReceiptTable): UserOptions['columnStyles'] {
  return Object.fromEntries(
    data.columns.map((column, index) => [
      index,
      {
        halign: column.align,
        cellWidth: WRAPPING.has(column.label) ? ('auto' as const) : ('wrap' as const),
        // "Store credit $10.00" on one line.
        ...(column.label === 'Payment' ? { minCellWidth: 34 } : {}),
      },
    ]),
  );
}

/** Draws the logo scaled into its box, right-aligned at `right`; returns its height (0 if unreadable). */
function drawLogo(doc: jsPDF, logo: string, right: number, top: number): number {
  try {
    const image = doc.getImageProperties(logo);
    const scale = Math.min(LOGO_BOX.width / image.width, LOGO_BOX.height / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    doc.addImage(logo, image.fileType, right - width, top, width, height);
    return height;
  } catch {
    return 0;
  }
}

/** Where the table autotable just drew ends (it keeps that on the document, untyped). */
function tableEnd(doc: jsPDF): number {
  return (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;
}
