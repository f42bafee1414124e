import { jsPDF } from 'jspdf';
import { autoTable, type CellDef, type UserOptions } from 'jspdf-autotable';
import type { PurchaseOrderLayout } from './purchase-order-layout';
import type { ReceiptField } from './receipt-layout';
import { winAnsiText as text } from './win-ansi';

/**
 * A purchase order as a PDF, drawn from its layout (purchase-order-layout.ts) with the receipt's
 * look: the shop's letterhead and logo, then the supplier and the products. The products go
 * through jspdf-autotable, which carries a long order over to further pages with the column
 * header repeated on each. Runs in the dashboard and in Node for the tests.
 */

/** Millimetres, as the receipt. */
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

export function purchaseOrderPdf(layout: PurchaseOrderLayout): ArrayBuffer {
  const doc = new jsPDF({ unit: 'mm', format: layout.paper, compress: true });
  doc.setProperties({ title: text(layout.title), creator: 'Tally' });
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

  /** Wrapped text at the cursor, moving it down; a line that does not fit starts a new page. */
  function write(value: string, style: { size: number; bold?: boolean; color?: Rgb; width?: number }) {
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

  function table(options: UserOptions) {
    autoTable(doc, {
      startY: y,
      margin: tableMargin,
      rowPageBreak: 'avoid',
      styles: { font: 'helvetica', fontSize: 9, cellPadding: 1.5, textColor: INK, overflow: 'linebreak' },
      ...options,
    });
    y = tableEnd(doc) + GAP;
  }

  function fields(list: readonly ReceiptField[]) {
    table({
      theme: 'plain',
      body: list.map((field) => [text(field.label), text(field.value)]),
      styles: {
        font: 'helvetica',
        fontSize: 10,
        cellPadding: { top: 0.8, bottom: 0.8, left: 0, right: 3 },
        textColor: INK,
        overflow: 'linebreak',
      },
      columnStyles: { 0: { fontStyle: 'bold', cellWidth: 42 } },
    });
  }

  // The shop, the buyer, as a letterhead with its logo at the right.
  const logoHeight = layout.shop.logo ? drawLogo(doc, layout.shop.logo, pageWidth - MARGIN, MARGIN) : 0;
  const beside = { width: logoHeight > 0 ? width - LOGO_BOX.width - GAP : width };
  write(layout.shop.name, { size: 16, bold: true, ...beside });
  for (const line of layout.shop.addressLines) write(line, { size: 10, color: MUTED, ...beside });
  y = Math.max(y, MARGIN + logoHeight) + GAP;

  write(layout.title, { size: 14, bold: true });
  y += 1;
  fields(layout.details);

  heading('Supplier');
  write(layout.supplier.name, { size: 10, bold: true });
  for (const detail of layout.supplier.details) write(detail, { size: 10 });
  y += 1;

  heading('Products');
  const { columns, rows } = layout.lines;
  table({
    theme: 'striped',
    head: [
      columns.map((column): CellDef => ({ content: text(column.label), styles: { halign: column.align } })),
    ],
    body: rows.map((row) => row.map(text)),
    foot: [
      [
        { content: text(layout.total.label), colSpan: columns.length - 1, styles: { halign: 'right' } },
        { content: text(layout.total.value), styles: { halign: 'right' } },
      ],
    ],
    showHead: 'everyPage',
    showFoot: 'lastPage',
    columnStyles: Object.fromEntries(columns.map((column, index) => [index, { halign: column.align }])),
    headStyles: { fillColor: HEAD, textColor: [255, 255, 255], fontStyle: 'bold' },
    footStyles: { fillColor: FOOT, textColor: INK, fontStyle: 'bold' },
  });

  if (layout.note.length > 0) {
    heading('Note');
    for (const paragraph of layout.note) {
      write(paragraph, { size: 10 });
      y += 1.5;
    }
  }

  // Each page names its order, so that a loose second page is still known.
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page += 1) {
    doc.setPage(page);
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(8);
    doc.setTextColor(...MUTED);
    doc.text(`${text(layout.title)} · Page ${page} of ${pages}`, pageWidth / 2, pageHeight - MARGIN, {
      align: 'center',
      baseline: 'bottom',
    });
  }
  return doc.output('arraybuffer');
}

/**
 * The logo scaled into its box, right-aligned at `right`; returns its height. One jspdf cannot
 * read leaves the order without a logo rather than without a PDF (as on the receipt).
 */
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
