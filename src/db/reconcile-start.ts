import { decodeCsvBytes } from '../csv/decode';
import { CONTACT_COLUMNS } from '../csv/contacts-columns';
import { PRODUCT_COLUMNS } from '../csv/products-import';
import { mapColumns } from '../csv/rows';
import {
  firstOrderRow,
  mappingHeaderKey,
  previewOrderExport,
  recogniseOrderExport,
} from '../csv/order-export';
import type { OrderExportLayout } from '../domain/back-office-order';
import { nowInstant, type Instant } from '../domain/dates';
import { t } from '../domain/i18n';
import type { ReconcileOptions } from '../domain/reconcile';
import { sha256Hex } from './attachments';
import type { TallyDatabase } from './database';
import { catalogCurrency } from './products';
import { isUnfinished, unfinishedReconcileJobs } from './reconcile-read';
import type { BackOfficeMapping, ReconcileJob } from './reconcile-tables';

/**
 * The page's side of a reconciliation: read the file the user dropped, remember a mapping they
 * confirmed, and write the job for the worker to run (reconcile-job.ts). The page writes the
 * job and its file itself: files never travel through messages.
 */

/** The first rows of a file as text, for the user to check a format or a mapping against. */
export type PreviewRows = string[][];

export type ReadReconcileFileResult =
  | { ok: true; layout: OrderExportLayout; hash: string; preview: PreviewRows }
  | {
      ok: false;
      needsMapping: { header: string[]; guess: OrderExportLayout; preview: PreviewRows };
      hash: string;
    }
  | { ok: false; error: string };

const PREVIEW_ROWS = 5;

/**
 * Decodes and recognises a dropped file: a built-in format or a mapping the user confirmed
 * before for this header, else a guess for the user to confirm. Writes nothing.
 */
export async function readReconcileFile(
  db: TallyDatabase,
  bytes: Uint8Array,
  fileName: string,
): Promise<ReadReconcileFileResult> {
  if (bytes.length === 0) return { ok: false, error: t('db_file_empty', fileName) };
  const hash = await sha256Hex(new Uint8Array(bytes));
  const { text } = decodeCsvBytes(bytes);
  // Newest first: recogniseOrderExport takes the first that fits, and the user's latest
  // confirmation for a header is what they mean now (the table's own order is by random id).
  const saved = (await db.backOfficeMappings.toArray()).sort((a, b) =>
    b.confirmedAt.localeCompare(a.confirmedAt),
  );
  // A file with no currency column is in the shop's currency: the one its catalog is priced in
  // ("$" alone then reads as CAD in a Canadian shop).
  const shopCurrency = await catalogCurrency(db);
  const recognised = recogniseOrderExport(
    text,
    saved.map((mapping) => mapping.layout),
    shopCurrency ? { defaultCurrency: shopCurrency } : {},
  );
  if (recognised.kind === 'error') return { ok: false, error: recognised.error };
  const preview = previewOrderExport(text, PREVIEW_ROWS);
  if (recognised.kind === 'known') return { ok: true, layout: recognised.layout, hash, preview };
  const guess = recognised.guess;
  const other = otherListIn(guess);
  if (other) {
    return {
      ok: false,
      error: other === 'products' ? t('db_file_is_products') : t('db_file_is_contacts'),
    };
  }
  return { ok: false, needsMapping: { header: guess.header, guess, preview }, hash };
}

/**
 * What else a file is when no column of it reads as an order id, a date or a quantity and its
 * header is a products or a contacts list's (back offices export those beside their orders, and
 * Tally offers every CSV downloaded from them): asking the user to map it as orders would only
 * confuse. A header in words Tally does not know still gets the mapping form.
 */
function otherListIn(guess: OrderExportLayout): 'products' | 'contacts' | undefined {
  const { columns, header } = guess;
  if (columns.orderId !== undefined || columns.date !== undefined || columns.quantity !== undefined) {
    return undefined;
  }
  const products = mapColumns(header, PRODUCT_COLUMNS).map;
  if (products.sku && products.name && products.price) return 'products';
  const contacts = mapColumns(header, CONTACT_COLUMNS).map;
  const named = contacts.name || contacts.firstName || contacts.lastName || contacts.company;
  if (named && (contacts.email || contacts.phone || contacts.line1)) return 'contacts';
  return undefined;
}

/**
 * Remembers the mapping the user confirmed for this back office's files with this header,
 * replacing the one it had: the next such file is recognised without asking.
 */
export async function saveBackOfficeMapping(
  db: TallyDatabase,
  layout: OrderExportLayout,
  now: Instant = nowInstant(),
): Promise<BackOfficeMapping> {
  const key = mappingHeaderKey(layout.header);
  return db.transaction('rw', db.backOfficeMappings, async () => {
    const same = await db.backOfficeMappings.where('headerKey').equals(key).toArray();
    const earlier = same.find((mapping) => mapping.backOffice === layout.backOffice);
    const mapping: BackOfficeMapping = {
      id: earlier?.id ?? crypto.randomUUID(),
      backOffice: layout.backOffice,
      headerKey: key,
      layout: { ...layout, format: 'mapped' },
      confirmedAt: now,
    };
    await db.backOfficeMappings.put(mapping);
    return mapping;
  });
}

export interface StartReconcileInput {
  fileName: string;
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, hex, as readReconcileFile gave it. */
  hash: string;
  layout: OrderExportLayout;
  options: ReconcileOptions;
  /** The user's country, for phone numbers without a country code; 'US' when not given. */
  defaultCountry?: string;
  now?: Instant;
}

export type StartReconcileResult = { jobId: string } | { alreadyReconciled: string };

/**
 * Writes a queued job and its file, in one transaction, for the worker to run. A file already
 * reconciled (the same bytes) writes nothing and names the run that did it; a file being
 * reconciled right now names that job instead of starting a second one.
 */
export async function startReconcileJob(
  db: TallyDatabase,
  input: StartReconcileInput,
): Promise<StartReconcileResult> {
  const at = input.now ?? nowInstant();
  const { text } = decodeCsvBytes(input.bytes);
  const first = firstOrderRow(text, input.layout);
  const job: ReconcileJob = {
    id: crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
    state: 'queued',
    fileName: input.fileName.slice(0, 500),
    fileHash: input.hash,
    fileSize: input.bytes.length,
    layout: input.layout,
    options: input.options,
    defaultCountry: input.defaultCountry ?? 'US',
    cursor: { offset: first.offset, line: first.line, chunk: 0 },
    textLength: text.length,
    rowsRead: 0,
    skipped: 0,
    problems: [],
    progress: 0,
  };
  // A copy the caller cannot change under the stored Blob.
  const file = new Blob([new Uint8Array(input.bytes)], { type: 'text/csv' });
  return db.transaction('rw', db.reconcileRuns, db.reconcileJobs, db.reconcileFiles, async () => {
    const done = await db.reconcileRuns.where('fileHash').equals(input.hash).first();
    if (done) return { alreadyReconciled: done.id };
    const running = (await unfinishedReconcileJobs(db)).find((other) => other.fileHash === input.hash);
    if (running) return { jobId: running.id };
    await db.reconcileJobs.add(job);
    await db.reconcileFiles.add({ jobId: job.id, bytes: file });
    return { jobId: job.id };
  });
}

/**
 * Stops a job that has not finished: it is marked cancelled and its file and rows read so far
 * are dropped at once (a runner still going stops at its next step, writing nothing). Nothing
 * else changes. A job that already ended stays as it was.
 */
export async function cancelReconcileJob(db: TallyDatabase, jobId: string): Promise<void> {
  await db.transaction('rw', db.reconcileJobs, db.reconcileFiles, db.reconcileChunks, async () => {
    const job = await db.reconcileJobs.get(jobId);
    if (!job || !isUnfinished(job)) return;
    await db.reconcileJobs.put({ ...job, state: 'cancelled', updatedAt: nowInstant() });
    await dropJobData(db, jobId);
  });
}

/** The file and rows a job no longer needs once it has ended; within the caller's transaction. */
export async function dropJobData(db: TallyDatabase, jobId: string): Promise<void> {
  await db.reconcileChunks.where('jobId').equals(jobId).delete();
  await db.reconcileFiles.delete(jobId);
}
