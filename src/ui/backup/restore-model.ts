import { signal } from '@preact/signals';
import { planRestore, type RestorePlan } from '../../db/backup-merge';
import { type BackupContents, BackupRefused, readBackup } from '../../db/backup-read';
import { applyRestore, type RestoreMode } from '../../db/backup-restore';
import type { TallyDatabase } from '../../db/database';
import { errorMessage } from '../../domain/errors';
import { t, tPlural } from '../../domain/i18n';

export interface RestoreDeps {
  db: TallyDatabase;
  /** Called after a restore wrote rows, so every section reads them. */
  onRestored?: () => void | Promise<void>;
}

/** A backup read and checked whole, shown before anything is written. */
export interface RestorePreview {
  fileName: string;
  contents: BackupContents;
  plan: RestorePlan;
}

/**
 * `Restore`: the file is read and checked whole (readBackup), its contents shown against what is
 * here (planRestore); the user picks `Restore into empty profile` or `Merge`, then `Confirm restore`
 * writes it in one transaction. A refused file shows why and changes nothing.
 */
export function createRestoreModel(deps: RestoreDeps) {
  const busy = signal(false);
  const error = signal<string | null>(null);
  const status = signal<string | null>(null);
  const preview = signal<RestorePreview | null>(null);
  const mode = signal<RestoreMode | null>(null);

  async function run(action: () => Promise<void>): Promise<void> {
    busy.value = true;
    error.value = null;
    status.value = null;
    try {
      await action();
    } catch (failure) {
      // A refusal is its own sentence; anything else failed inside the one transaction, which wrote nothing.
      error.value =
        failure instanceof BackupRefused
          ? failure.message
          : t('backup_restore_failed', errorMessage(failure));
    } finally {
      busy.value = false;
    }
  }

  async function chooseFile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> {
    preview.value = null;
    mode.value = null;
    await run(async () => {
      const contents = await readBackup(deps.db, new Uint8Array(await file.arrayBuffer()));
      const plan = await planRestore(deps.db, contents);
      preview.value = { fileName: file.name, contents, plan };
    });
  }

  function choose(next: RestoreMode): void {
    mode.value = next;
  }

  async function confirm(): Promise<void> {
    const shown = preview.value;
    const chosen = mode.value;
    if (!shown || !chosen) return;
    await run(async () => {
      const written = await applyRestore(deps.db, shown.contents, chosen);
      preview.value = null;
      mode.value = null;
      status.value = tPlural('backup_restored', written, shown.fileName);
      await deps.onRestored?.();
    });
  }

  function cancel(): void {
    preview.value = null;
    mode.value = null;
    error.value = null;
  }

  return { busy, error, status, preview, mode, chooseFile, choose, confirm, cancel };
}

export type RestoreModel = ReturnType<typeof createRestoreModel>;
