import { computed, signal } from '@preact/signals';
import { closeWhenChangedElsewhere, type TallyDatabase } from '../../db/database';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';

/** Why this page cannot keep records, said in one line above everything else. */
export type StorageProblem =
  { kind: 'upgraded-elsewhere' } | { kind: 'private-window' } | { kind: 'unavailable'; detail: string };

/** Where the page runs: the build's browser, and the browser's `extension.inIncognitoContext`. */
export interface StorageEnvironment {
  firefox: boolean;
  incognito: boolean;
}

/**
 * A Firefox private window keeps an extension page's IndexedDB in memory, forgotten when the
 * window closes, or refuses it altogether: records made there would be lost. Chromium runs
 * Tally's pages in the normal profile ("spanning" incognito mode), so it never applies there.
 */
export function privateWindowProblem(environment: StorageEnvironment): StorageProblem | null {
  return environment.firefox && environment.incognito ? { kind: 'private-window' } : null;
}

/**
 * What a failure to open the database means. Firefox before 115 refuses IndexedDB in private
 * windows with InvalidStateError ("A mutation operation was attempted on a database that did not
 * allow mutations"), and some configurations (history never remembered, cookies blocked) with
 * SecurityError; Dexie wraps either in an OpenFailedError whose `inner` is the browser's error.
 */
export function classifyOpenFailure(failure: unknown, environment: StorageEnvironment): StorageProblem {
  const refusedByPrivacy = errorNames(failure).some(
    (name) => name === 'InvalidStateError' || name === 'SecurityError',
  );
  if (environment.firefox && (environment.incognito || refusedByPrivacy)) return { kind: 'private-window' };
  return { kind: 'unavailable', detail: errorMessage(failure) };
}

function errorNames(failure: unknown): string[] {
  const names: string[] = [];
  for (let each: unknown = failure, depth = 0; each && typeof each === 'object' && depth < 5; depth += 1) {
    const { name, inner, cause } = each as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    each = inner ?? cause;
  }
  return names;
}

export function storageProblemText(problem: StorageProblem): string {
  if (problem.kind === 'upgraded-elsewhere') return t('storage_upgraded_elsewhere');
  if (problem.kind === 'private-window') return t('storage_private_window');
  return t('storage_unavailable', problem.detail);
}

/**
 * Watches an extension page's database: opens it now (so a refused open is explained before the
 * user types anything), and closes it when another tab upgrades it.
 */
export function createStorageProblemModel(db: TallyDatabase, environment: StorageEnvironment) {
  const problem = signal<StorageProblem | null>(privateWindowProblem(environment));
  closeWhenChangedElsewhere(db, () => {
    problem.value = { kind: 'upgraded-elsewhere' };
  });
  const opened = db.open().then(
    () => true,
    (failure: unknown) => {
      problem.value = classifyOpenFailure(failure, environment);
      return false;
    },
  );
  return {
    problem,
    text: computed(() => (problem.value ? storageProblemText(problem.value) : null)),
    /** Whether the database opened; the problem is set when it did not. */
    opened,
  };
}

export type StorageProblemModel = ReturnType<typeof createStorageProblemModel>;
