import { batch, computed, signal } from '@preact/signals';
import type { DoNotBuyEntry } from '../../domain/do-not-buy';
import { errorMessage } from '../../domain/errors';
import { t, tPlural } from '../../domain/i18n';
import { checkSerial } from '../../domain/imei';
import type { TallyDatabase } from '../../db/database';
import { addDoNotBuy, importDoNotBuy, listDoNotBuy, removeDoNotBuy } from '../../db/do-not-buy';
import { decodeCsvBytes } from '../../csv/decode';
import { readDoNotBuyCsv } from '../../csv/do-not-buy-import';
import type { RowRejection } from '../../csv/rows';
import { failedWith, userAction, type FailureText } from '../user-action';

export interface DoNotBuyDeps {
  db: TallyDatabase;
}

/** A list file that was not imported because some of its lines are wrong. */
export interface DoNotBuyImportRejection {
  fileName: string;
  rejected: RowRejection[];
}

/**
 * The shop's do-not-buy list: serials and IMEIs it must not buy, added by hand or imported from a
 * file (a police or carrier list), removed by hand. A payout of a listed item is blocked elsewhere.
 */
export function createDoNotBuyModel(deps: DoNotBuyDeps) {
  const entries = signal<DoNotBuyEntry[]>([]);
  const serial = signal('');
  const reason = signal('');
  const formError = signal<string | null>(null);
  const rejectedImport = signal<DoNotBuyImportRejection | null>(null);
  const status = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  /** A mistyped IMEI on the list would never match the device: said as the user types, not refused. */
  const serialWarning = computed(() => {
    const check = checkSerial(serial.value.trim());
    return check.kind === 'imei' && !check.valid ? check.warning : null;
  });

  async function refresh() {
    try {
      entries.value = await listDoNotBuy(deps.db);
    } catch (failure) {
      error.value = t('dashboard_do_not_buy_not_loaded', errorMessage(failure));
    }
  }

  const runAction = userAction({ busy, error });
  /** Runs one user action (see userAction), then reloads the list. */
  async function act(failure: FailureText, action: () => Promise<void>) {
    status.value = null;
    await runAction(failure, action);
    await refresh();
  }

  function setSerial(text: string) {
    serial.value = text;
    formError.value = null;
  }

  function setReason(text: string) {
    reason.value = text;
    formError.value = null;
  }

  /** Adds what the form holds; a refusal (already listed, empty reason) is marked and the form kept. */
  async function add() {
    if (busy.value) return;
    await act(null, async () => {
      try {
        const entry = await addDoNotBuy(deps.db, { serial: serial.value, reason: reason.value });
        batch(() => {
          serial.value = '';
          reason.value = '';
          formError.value = null;
          status.value = t('dashboard_do_not_buy_added', entry.serial);
        });
      } catch (failure) {
        formError.value = errorMessage(failure);
      }
    });
  }

  async function remove(id: string) {
    if (busy.value) return;
    await act(failedWith('dashboard_not_removed'), async () => {
      const removed = await removeDoNotBuy(deps.db, id);
      status.value = t('dashboard_do_not_buy_removed', removed.serial);
    });
  }

  /**
   * Imports a list file (columns Serial and Reason). All or nothing: when any line is wrong, the
   * lines are listed and nothing is written, so the shop never works from half a list.
   */
  async function importFile(file: File) {
    if (busy.value) return;
    rejectedImport.value = null;
    await act(failedWith('dashboard_file_not_imported', file.name), async () => {
      const { text, encoding } = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      const read = readDoNotBuyCsv(text, { encoding });
      if (!read.ok) throw new Error(read.error);
      if (read.rejected.length > 0) {
        rejectedImport.value = { fileName: file.name, rejected: read.rejected };
        return;
      }
      const note = read.encodingNote ? ` ${read.encodingNote}` : '';
      if (read.rows.length === 0) {
        status.value = t('dashboard_no_serials', file.name) + note;
        return;
      }
      const summary = await importDoNotBuy(deps.db, read.rows);
      const parts = [tPlural('dashboard_serials_added', summary.added)];
      if (summary.restored > 0) parts.push(tPlural('dashboard_serials_restored', summary.restored));
      if (summary.unchanged > 0) parts.push(tPlural('dashboard_serials_unchanged', summary.unchanged));
      status.value = t('dashboard_do_not_buy_imported', file.name, parts.join(', ')) + note;
    });
  }

  return {
    entries,
    serial,
    reason,
    serialWarning,
    formError,
    rejectedImport,
    status,
    error,
    busy,
    refresh,
    setSerial,
    setReason,
    add,
    remove,
    importFile,
  };
}

export type DoNotBuyModel = ReturnType<typeof createDoNotBuyModel>;
