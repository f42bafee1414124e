import { signal } from '@preact/signals';
import type { CountryCode } from 'libphonenumber-js/min';
import { contactsCsv, contactsFileName } from '../../../csv/contacts-export';
import type { ContactColumnField } from '../../../csv/contacts-columns';
import {
  missingNameMessage,
  readContactRows,
  readContactsFile,
  type ContactsFile,
} from '../../../csv/contacts-import';
import { sha256Hex } from '../../../db/attachments';
import {
  applyContactImport,
  ContactsChangedError,
  earlierImportOf,
  lastUndoableImport,
  loadContactsForImport,
  loadContactsInPages,
  undoContactImport,
} from '../../../db/contact-import';
import type { TallyDatabase } from '../../../db/database';
import type { ContactImportBatch } from '../../../domain/contact-import-batch';
import {
  createImportPlanner,
  type ContactImportPlan,
  type PlanRejection,
} from '../../../domain/contact-import-plan';
import { nowInstant, todayLocal } from '../../../domain/dates';
import { t, tPlural } from '../../../domain/i18n';
import { formatCount } from '../../../domain/locale-format';
import { failedWith, userAction, type FailureText } from '../../user-action';

export interface ContactsTransferDeps {
  db: TallyDatabase;
  /** The country of phone numbers written without "+". */
  defaultCountry: CountryCode;
  download: (filename: string, text: string) => void;
  now?: () => Date;
  /** Called after an import or its undo changed contacts, so lists reload. */
  onChanged?: () => void | Promise<void>;
  /** Gives the page back between chunks of a long job; a macrotask unless given. */
  pause?: () => Promise<void>;
}

/** A file read and matched against the contacts, waiting for `Apply import` or `Cancel`. */
export interface DryRun {
  fileName: string;
  fileHash: string;
  file: ContactsFile;
  encodingNote?: string;
  /** Why the current column choice cannot be imported (no name); no plan then. */
  columnsProblem?: string;
  plan?: ContactImportPlan;
  fingerprint?: string;
  /** The same file was imported before (and not undone): when. */
  importedBefore?: string;
  /** Contacts changed after the first dry run of this file; this one is current. */
  refreshed: boolean;
}

export interface ImportProgress {
  written: number;
  total: number;
}

/** How many contacts applying the dry run writes. */
export function contactsToWrite(plan: ContactImportPlan | undefined): number {
  return plan ? plan.created.length + plan.updated.length : 0;
}

const PLAN_CHUNK = 500;

/**
 * The contacts book's CSV: `Export contacts` (Tally's template) and `Import contacts` — a dry run
 * first (columns the user can correct, counts, every change and every rejected row), then one
 * transaction with a progress bar, and `Undo import` for the last import.
 */
export function createContactsTransferModel(deps: ContactsTransferDeps) {
  const now = () => deps.now?.() ?? new Date();
  const pause = deps.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const dryRun = signal<DryRun | null>(null);
  const progress = signal<ImportProgress | null>(null);
  const lastImport = signal<ContactImportBatch | null>(null);
  const status = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  // Each dry run gets a number; a slower, older one finishing late is dropped.
  let generation = 0;

  async function refresh() {
    lastImport.value = (await lastUndoableImport(deps.db)) ?? null;
  }

  const runAction = userAction({ busy, error });
  /** Runs one user action (see userAction); the progress bar goes once it ends. */
  async function act(failure: FailureText, action: () => Promise<void>) {
    await runAction(failure, action);
    progress.value = null;
  }

  async function exportContacts() {
    if (busy.value) return;
    status.value = null;
    await act(failedWith('contacts_not_exported'), async () => {
      const contacts = await loadContactsInPages(deps.db, pause);
      const { text, count } = await contactsCsv(contacts, { pause });
      deps.download(contactsFileName(todayLocal(now())), text);
      status.value = tPlural('contacts_exported', count);
    });
  }

  /**
   * Reads the file's rows and matches them against the contacts, a chunk of rows at a time with
   * a pause between chunks, so a 10,000-row file leaves the page responsive; writes nothing.
   */
  async function plan(
    file: ContactsFile,
  ): Promise<{ plan: ContactImportPlan; fingerprint: string } | undefined> {
    const mine = ++generation;
    const { contacts, fingerprint } = await loadContactsForImport(deps.db, pause);
    const planner = createImportPlanner(contacts, {
      now: nowInstant(now()),
      defaultCountry: deps.defaultCountry,
    });
    const rejected: PlanRejection[] = [];
    const { rows } = file.table;
    for (let start = 0; start < rows.length; start += PLAN_CHUNK) {
      if (start > 0) await pause();
      if (mine !== generation) return undefined;
      const chunk = { ...file.table, rows: rows.slice(start, start + PLAN_CHUNK) };
      const read = readContactRows({ ...file, table: chunk });
      rejected.push(...read.rejected);
      for (const row of read.rows) planner.add(row);
    }
    return mine === generation ? { plan: planner.plan(rejected), fingerprint } : undefined;
  }

  async function showPlan(shown: DryRun) {
    const { plan: _plan, fingerprint: _fingerprint, columnsProblem: _problem, ...base } = shown;
    const columnsProblem = missingNameMessage(base.file.table.header, base.file.columns);
    if (columnsProblem) {
      generation++;
      dryRun.value = { ...base, columnsProblem };
      return;
    }
    const planned = await plan(base.file);
    if (planned) dryRun.value = { ...base, ...planned };
  }

  /** Reads a contacts file and shows what importing it would do. A file it cannot use says why. */
  async function chooseFile(file: File) {
    if (busy.value) return;
    dryRun.value = null;
    status.value = null;
    await act(failedWith('contacts_file_not_read', file.name), async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const read = readContactsFile(bytes);
      if (!read.ok) {
        error.value = t('contacts_file_problem', file.name, read.error);
        return;
      }
      const fileHash = await sha256Hex(bytes);
      const earlier = await earlierImportOf(deps.db, fileHash);
      const { ok: _ok, ...contactsFile } = read;
      await showPlan({
        fileName: file.name,
        fileHash,
        file: contactsFile,
        ...(read.encoding === 'windows-1252' ? { encodingNote: t('contacts_encoding_note') } : {}),
        ...(earlier ? { importedBefore: earlier.createdAt } : {}),
        refreshed: false,
      });
    });
  }

  /** The user's correction of the mapping: `index` is the file's column, or null for none. */
  async function setColumn(field: ContactColumnField, index: number | null) {
    const shown = dryRun.value;
    if (!shown) return;
    const columns = { ...shown.file.columns };
    const name = index === null ? undefined : shown.file.table.header[index];
    if (index === null || name === undefined) delete columns[field];
    else columns[field] = { index, name };
    const file = { ...shown.file, columns };
    // The new mapping shows at once; its counts follow when the rows are matched again.
    dryRun.value = { ...shown, file, plan: undefined, columnsProblem: undefined };
    await act(failedWith('contacts_not_checked_again'), () => showPlan({ ...shown, file }));
  }

  /**
   * Writes what the dry run showed, in one transaction, with the progress bar. If contacts
   * changed since (a capture meanwhile), nothing is written and the dry run is made again.
   */
  async function applyImport() {
    const shown = dryRun.value;
    if (!shown?.plan || !shown.fingerprint || busy.value) return;
    if (contactsToWrite(shown.plan) === 0) {
      dryRun.value = null;
      status.value = t('contacts_nothing_from_file_up_to_date', shown.fileName);
      return;
    }
    const input = { plan: shown.plan, fingerprint: shown.fingerprint, fileName: shown.fileName };
    await act(failedWith('contacts_file_not_imported', shown.fileName), async () => {
      progress.value = { written: 0, total: contactsToWrite(shown.plan) };
      try {
        const batch = await applyContactImport(
          deps.db,
          { ...input, fileHash: shown.fileHash },
          {
            now: nowInstant(now()),
            onProgress: (written, total) => (progress.value = { written, total }),
          },
        );
        dryRun.value = null;
        lastImport.value = batch ?? null;
        status.value = batch ? importedMessage(batch) : t('contacts_nothing_from_file', shown.fileName);
      } catch (failure) {
        if (!(failure instanceof ContactsChangedError)) throw failure;
        progress.value = null;
        await showPlan({ ...shown, refreshed: true });
        return;
      }
      await deps.onChanged?.();
    });
  }

  function cancelImport() {
    const shown = dryRun.value;
    if (!shown || busy.value) return;
    generation++;
    dryRun.value = null;
    status.value = t('contacts_nothing_imported_from', shown.fileName);
  }

  /** Takes the last import back as a whole, or says why it cannot. */
  async function undoImport() {
    const batch = lastImport.value;
    if (!batch || busy.value) return;
    status.value = null;
    await act(null, async () => {
      const undone = await undoContactImport(deps.db, batch.id, { now: nowInstant(now()) });
      lastImport.value = null;
      status.value = tPlural(
        'contacts_undid_import',
        undone.removed,
        batch.fileName,
        formatCount(undone.restored),
      );
      await deps.onChanged?.();
    });
  }

  return {
    dryRun,
    progress,
    lastImport,
    status,
    error,
    busy,
    refresh,
    exportContacts,
    chooseFile,
    setColumn,
    applyImport,
    cancelImport,
    undoImport,
  };
}

/** "Imported 4 contacts: 1 created, 3 updated." */
export function importedMessage(batch: ContactImportBatch): string {
  const { created, updated } = batch.counts;
  const total = created + updated;
  return tPlural('contacts_imported', total, formatCount(created), formatCount(updated));
}

export type ContactsTransferModel = ReturnType<typeof createContactsTransferModel>;
