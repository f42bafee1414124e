import { attachmentProblem, type Attachment, AttachmentMeta } from '../domain/attachment';
import { nowInstant } from '../domain/dates';
import { t } from '../domain/i18n';
import { BuyBackRefused, liveBuyBack } from './buybacks';
import type { TallyDatabase } from './database';

/** The part of a File the store needs; a File is one, and so is a Blob given a name. */
export interface IncomingFile {
  name: string;
  type: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Keeps a file with a buy-back: an image or a PDF of at most 10 MB, judged by its bytes. Stored
 * as a Blob in this extension's database, with its SHA-256; it never travels through messages.
 */
export async function attachFile(
  db: TallyDatabase,
  buyBackId: string,
  file: IncomingFile,
): Promise<AttachmentMeta> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = attachmentProblem(file, bytes.subarray(0, 16));
  if (problem) throw new BuyBackRefused(problem);
  const sha256 = await sha256Hex(bytes);
  return db.transaction('rw', db.buyBacks, db.attachments, async () => {
    const buyBack = await liveBuyBack(db, buyBackId);
    const at = nowInstant();
    const meta = AttachmentMeta.parse({
      id: crypto.randomUUID(),
      buyBackId,
      name: file.name.slice(0, 255),
      type: file.type,
      size: bytes.byteLength,
      sha256,
      createdAt: at,
    });
    await db.attachments.add({ ...meta, blob: new Blob([bytes], { type: meta.type }) });
    await db.buyBacks.put({
      ...buyBack,
      updatedAt: at,
      log: [...buyBack.log, { at, kind: 'event', text: t('db_attached', meta.name) }],
    });
    return meta;
  });
}

/** The buy-back's files, oldest first, with their bytes. */
export async function listAttachments(db: TallyDatabase, buyBackId: string): Promise<Attachment[]> {
  const all = await db.attachments.where('buyBackId').equals(buyBackId).toArray();
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Removes a file from an estimate. Once the buy-back is paid its files are the record of whom the
 * shop bought from, and stay.
 */
export async function removeAttachment(db: TallyDatabase, attachmentId: string): Promise<void> {
  await db.transaction('rw', db.buyBacks, db.attachments, async () => {
    const attachment = await db.attachments.get(attachmentId);
    if (!attachment) return;
    const buyBack = await liveBuyBack(db, attachment.buyBackId);
    if (buyBack.status !== 'estimate') {
      throw new BuyBackRefused(t('db_paid_files_kept'));
    }
    const at = nowInstant();
    await db.attachments.delete(attachmentId);
    await db.buyBacks.put({
      ...buyBack,
      updatedAt: at,
      log: [...buyBack.log, { at, kind: 'event', text: t('db_removed_attachment', attachment.name) }],
    });
  });
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
