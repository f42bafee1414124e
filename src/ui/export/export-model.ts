import { batch, signal } from '@preact/signals';
import { exportLineCount, filterForExport } from '../../csv/purchases-export-filter';
import { purchasesCsvChunks } from '../../csv/purchases-export';
import type { Contact } from '../../domain/contact';
import { todayLocal, type CalendarDate } from '../../domain/dates';
import { DEFAULT_EXPORT_PRESET, type ExportPreset } from '../../domain/export-preset';
import { t, tPlural } from '../../domain/i18n';
import type { PurchaseRecord } from '../../domain/purchase';
import { fileNameSlug } from '../../domain/search-text';
import type { TallyDatabase } from '../../db/database';
import { readStatusesInPages } from '../../db/reconcile-statuses';
import { failedWith, userAction } from '../user-action';
import { yieldToScreen } from '../yield-to-screen';
import { createExportFilterModel } from './export-filter-model';
import { createPresetModel } from './preset-model';

export interface PurchaseExportDeps {
  db: TallyDatabase;
  /** The purchases and contacts the dashboard has loaded (live records, newest first). */
  data: () => { records: readonly PurchaseRecord[]; contactsById: ReadonlyMap<string, Contact> };
  /**
   * Reads the purchases and contacts behind `data` again. The panel asks when it opens, and the
   * file waits for it: the sidebar records in another page, which the dashboard does not hear of.
   */
  reload?: () => Promise<void>;
  download(filename: string, file: Blob): void;
  /** Gives the page back between chunks; the next painted frame unless given. */
  pause?: () => Promise<void>;
  today?: () => CalendarDate;
  newId?: () => string;
  /** Lines per piece of the file; 1,000 unless given. */
  chunkLines?: number;
  /**
   * Work done before the page is given back, in ms: pieces are written until this much time has
   * passed, then the progress bar is painted. 30 unless given, well inside a 100 ms task.
   */
  sliceMs?: number;
  /** A clock in ms for the slices (performance.now unless given). */
  clock?: () => number;
}

export interface ExportProgress {
  written: number;
  total: number;
}

/** `tally-purchases-2026-11-22.csv`, or with the preset's name: `tally-purchases-shopify-2026-11-22.csv`. */
export function exportFileName(preset: ExportPreset, today: CalendarDate): string {
  if (preset.id === DEFAULT_EXPORT_PRESET.id) return `tally-purchases-${today}.csv`;
  const slug = fileNameSlug(preset.name);
  return slug === '' ? `tally-purchases-${today}.csv` : `tally-purchases-${slug}-${today}.csv`;
}

/**
 * `Export purchases`: the panel with its filters and column presets, and `Download CSV`, which
 * writes the file a piece of lines at a time, painting the progress bar about every 30 ms, so
 * 100,000 lines leave the page responsive. Statuses are read when the file is written, so a
 * reconciliation that just finished is in it; purchases when the panel opens (see `reload`).
 */
export function createPurchaseExportModel(deps: PurchaseExportDeps) {
  const pause = deps.pause ?? yieldToScreen;
  const today = deps.today ?? (() => todayLocal());
  const sliceMs = deps.sliceMs ?? 30;
  const clock = deps.clock ?? (() => performance.now());
  const filters = createExportFilterModel(deps);
  const presets = createPresetModel(deps);
  const open = signal(false);
  const progress = signal<ExportProgress | null>(null);
  const status = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  const act = userAction({ busy, error });
  /** The read `show` asked for; the file is written from what it read. */
  let reloaded: Promise<void> = Promise.resolve();

  async function show() {
    batch(() => {
      open.value = true;
      status.value = null;
      error.value = null;
    });
    reloaded = deps.reload?.() ?? Promise.resolve();
    await Promise.all([presets.load(), reloaded]);
  }

  function close() {
    open.value = false;
  }

  async function download() {
    if (busy.value) return;
    status.value = null;
    const filtersProblem = filters.problem.value;
    if (filtersProblem) {
      error.value = filtersProblem;
      return;
    }
    const preset = presets.inUse();
    if (!preset.ok) {
      error.value = t('export_preset_unusable', preset.problem);
      return;
    }
    await act(failedWith('export_failed'), async () => {
      await reloaded;
      const { records, contactsById } = deps.data();
      const statuses = await readStatusesInPages(deps.db, pause);
      const chosen = filterForExport(records, statuses, filters.filter.value);
      if (chosen.length === 0) {
        status.value = t('export_nothing_matches');
        return;
      }
      const total = exportLineCount(chosen);
      progress.value = { written: 0, total };
      try {
        const parts: Blob[] = [];
        let lines = 0;
        let sliceStart = clock();
        for (const chunk of purchasesCsvChunks(chosen, contactsById, {
          statuses,
          preset: preset.preset,
          chunkLines: deps.chunkLines ?? 1000,
        })) {
          // A Blob per piece: one Blob made of 16 MB of text at the end would be a long task itself.
          parts.push(new Blob([chunk.text]));
          lines = chunk.written;
          if (clock() - sliceStart < sliceMs) continue;
          progress.value = { written: lines, total };
          await pause();
          sliceStart = clock();
        }
        deps.download(
          exportFileName(preset.preset, today()),
          new Blob(parts, { type: 'text/csv;charset=utf-8' }),
        );
        status.value = t(
          'export_done',
          tPlural('export_done_lines', lines),
          tPlural('export_done_orders', chosen.length),
        );
      } finally {
        progress.value = null;
      }
    });
  }

  return { open, filters, presets, progress, status, error, busy, show, close, download };
}

export type PurchaseExportModel = ReturnType<typeof createPurchaseExportModel>;
