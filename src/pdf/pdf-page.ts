import { jsPDF } from 'jspdf';
import { autoTable, type CellDef, type UserOptions } from 'jspdf-autotable';
import { t } from '../domain/i18n';
import { formatCount } from '../domain/locale-format';
import type { DocumentField, DocumentTable, Letterhead, PaperSize } from './document-layout';
import { winAnsiText as text } from './win-ansi';

/**
 * The page writer the receipt, the statement and the purchase order are drawn with, so that they
 * look alike: A4 or Letter in millimetres, Helvetica with text brought into WinAnsi, and a cursor
 * that moves down as text and tables are written, starting a new page when the next line does not
 * fit. Tables go through jspdf-autotable, which wraps long cells and carries a long table over to
 * further pages with its header repeated.
 *
 * Only the PDF modules import this, and the dashboard loads those on demand, so jspdf stays out of
 * the dashboard's own script. Runs in Node too, for the tests.
 */

const MARGIN = 15;
/** Room kept at the foot of each page for its page number. */
const FOOTER = 8;
/** Between blocks: after a table, below the letterhead. */
export const GAP = 5;
const LOGO_BOX = { width: 45, height: 22 };
const MM_PER_PT = 25.4 / 72;

export type Rgb = [number, number, number];
export const INK: Rgb = [15, 23, 42];
export const MUTED: Rgb = [100, 116, 139];
const HEAD: Rgb = [30, 41, 59];
const FOOT: Rgb = [241, 245, 249];

export interface TextStyle {
  /** Points; 10 unless said. */
  size?: number;
  bold?: boolean;
  color?: Rgb;
  /** Millimetres to wrap at; the whole width between the margins unless said. */
  width?: number;
}

export class PageWriter {
  readonly doc: jsPDF;
  /** Where drawing starts from the left, and how wide it may go. */
  readonly left = MARGIN;
  readonly width: number;
  /** The cursor: where the next thing is drawn, from the top of the page. */
  y = MARGIN;
  private readonly pageWidth: number;
  private readonly pageHeight: number;

  constructor(paper: PaperSize, title: string) {
    this.doc = new jsPDF({ unit: 'mm', format: paper, compress: true });
    this.doc.setProperties({ title: text(title), creator: 'Tally' });
    this.pageWidth = this.doc.internal.pageSize.getWidth();
    this.pageHeight = this.doc.internal.pageSize.getHeight();
    this.width = this.pageWidth - 2 * MARGIN;
  }

  /** Starts a new page unless `height` still fits above the footer. */
  roomFor(height: number) {
    if (this.y + height <= this.pageHeight - MARGIN - FOOTER) return;
    this.doc.addPage();
    this.y = MARGIN;
  }

  /** Wrapped text at the cursor, moving it down; a line that does not fit starts a new page. */
  write(value: string, style: TextStyle = {}) {
    const size = style.size ?? 10;
    this.doc.setFont('helvetica', style.bold ? 'bold' : 'normal');
    this.doc.setFontSize(size);
    this.doc.setTextColor(...(style.color ?? INK));
    const height = this.lineHeight(size);
    for (const line of this.doc.splitTextToSize(text(value), style.width ?? this.width) as string[]) {
      this.roomFor(height);
      this.doc.text(line, MARGIN, this.y, { baseline: 'top' });
      this.y += height;
    }
  }

  /** Paragraphs such as terms or a note, with a little space after each. */
  paragraphs(list: readonly string[], style: TextStyle) {
    for (const paragraph of list) {
      this.write(paragraph, style);
      this.y += 1.5;
    }
  }

  heading(value: string) {
    // A heading is not left alone at the foot of a page.
    this.roomFor(this.lineHeight(11) + 12);
    this.y += 2;
    this.write(value, { size: 11, bold: true });
    this.y += 1;
  }

  /** The shop's name and address, with its logo at the right; the cursor ends below both. */
  letterhead(shop: Letterhead) {
    const logoHeight = shop.logo ? this.drawLogo(shop.logo) : 0;
    const beside = { width: logoHeight > 0 ? this.width - LOGO_BOX.width - GAP : this.width };
    this.write(shop.name, { size: 16, bold: true, ...beside });
    for (const line of shop.addressLines) this.write(line, { color: MUTED, ...beside });
    this.y = Math.max(this.y, MARGIN + logoHeight) + GAP;
  }

  /** Labels in bold beside their values, flush with the text above. */
  fields(list: readonly DocumentField[]) {
    if (list.length === 0) return;
    this.table({
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

  /**
   * A striped table with its header on every page and its totals (`foot`, right-aligned under the
   * last column) after the last row; `options` adds to or overrides autotable's settings.
   */
  amountsTable(data: DocumentTable, foot: readonly DocumentField[], options: UserOptions = {}) {
    const last = data.columns.length - 1;
    this.table({
      theme: 'striped',
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
      showHead: 'everyPage',
      showFoot: 'lastPage',
      columnStyles: Object.fromEntries(
        data.columns.map((column, index) => [index, { halign: column.align }]),
      ),
      headStyles: { fillColor: HEAD, textColor: [255, 255, 255], fontStyle: 'bold' },
      footStyles: { fillColor: FOOT, textColor: INK, fontStyle: 'bold' },
      ...options,
    });
  }

  /** Numbers every page with `label`, so that a loose page is still known; returns the PDF. */
  finish(label: string): ArrayBuffer {
    const pages = this.doc.getNumberOfPages();
    for (let page = 1; page <= pages; page += 1) {
      this.doc.setPage(page);
      this.doc.setFont('helvetica', 'normal');
      this.doc.setFontSize(8);
      this.doc.setTextColor(...MUTED);
      this.doc.text(
        text(t('pdf_page_footer', label, formatCount(page), formatCount(pages))),
        this.pageWidth / 2,
        this.pageHeight - MARGIN,
        { align: 'center', baseline: 'bottom' },
      );
    }
    return this.doc.output('arraybuffer');
  }

  private lineHeight(size: number): number {
    return size * MM_PER_PT * this.doc.getLineHeightFactor();
  }

  /** A table at the cursor; an order or item row moves to the next page whole rather than split. */
  private table(options: UserOptions) {
    autoTable(this.doc, {
      startY: this.y,
      margin: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
      rowPageBreak: 'avoid',
      styles: { font: 'helvetica', fontSize: 9, cellPadding: 1.5, textColor: INK, overflow: 'linebreak' },
      ...options,
    });
    // autotable keeps where the table ended on the document, untyped.
    this.y = (this.doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + GAP;
  }

  /**
   * Draws the logo scaled into its box at the top right; returns its height. A logo jspdf cannot
   * read (a PNG flavour it lacks) leaves the document without the logo rather than without a
   * document: the template editor already let in only PNG and JPEG files.
   */
  private drawLogo(logo: string): number {
    try {
      const image = this.doc.getImageProperties(logo);
      const scale = Math.min(LOGO_BOX.width / image.width, LOGO_BOX.height / image.height);
      const width = image.width * scale;
      const height = image.height * scale;
      this.doc.addImage(logo, image.fileType, this.pageWidth - MARGIN - width, MARGIN, width, height);
      return height;
    } catch {
      return 0;
    }
  }
}
