import { batch, computed, signal } from '@preact/signals';
import type { CountryCode } from 'libphonenumber-js/min';
import {
  countOwnedRows,
  dismissDuplicate,
  listMerges,
  mergeContacts,
  readDismissedDuplicates,
  undoMerge,
} from '../../../db/contact-merge';
import { snapshotOf, type SnapshotReader } from '../../../db/dashboard-snapshot';
import { yieldToScreen } from '../../yield-to-screen';
import type { TallyDatabase } from '../../../db/database';
import type { Contact } from '../../../domain/contact';
import {
  andList,
  defaultSurvivor,
  describeCounts,
  type ContactMerge,
  MERGE_FIELD_LABELS,
  mergePreview,
  mergeProblem,
  type KeptEdit,
  type OwnedRowCounts,
} from '../../../domain/contact-merge';
import type { Instant } from '../../../domain/dates';
import {
  DUPLICATE_REASON_LABELS,
  findDuplicates,
  pairKey,
  type DuplicateCandidate,
} from '../../../domain/duplicates';
import { errorMessage } from '../../../domain/errors';
import { t } from '../../../domain/i18n';
import { pairLabels } from './pair-labels';
import { failedWith, userAction, type FailureText } from '../../user-action';

export interface DuplicatesDeps {
  db: TallyDatabase;
  defaultCountry: CountryCode;
  /** The dashboard's shared read of contacts and purchases; a read of its own when absent. */
  read?: SnapshotReader;
  now?: () => Instant;
  /**
   * Called after a merge or its undo changed the contacts: the dashboard reloads every section,
   * this one included. Without it, only this section reloads.
   */
  onChanged?: () => void | Promise<void>;
}

/** One likely duplicate pair as the list shows it: "Ada Lovelace and Ada King — Same email". */
export interface DuplicatePair extends DuplicateCandidate {
  names: [string, string];
  text: string;
}

/** The pair under review: both contacts as they are now, their history, and who stays. */
interface Review {
  contacts: [Contact, Contact];
  counts: Record<string, OwnedRowCounts>;
  survivorId: string;
}

/** How many pairs the list shows at first, and how many more each time. */
export const PAGE = 50;
/** How many of the latest merges stay offered for undoing (after a reload too). */
const RECENT_MERGES = 5;

/**
 * The Duplicates section: likely duplicate pairs, the preview of merging one of them (which
 * contact stays, field by field, what moves), the merge, its undo, and "not duplicates".
 */
export function createDuplicatesModel(deps: DuplicatesDeps) {
  const pairs = signal<DuplicatePair[]>([]);
  const shown = signal(PAGE);
  const review = signal<Review | null>(null);
  const status = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  /** The merge just made, which `Undo merge` takes back. */
  const lastMerge = signal<string | null>(null);
  /** The latest merges not undone yet, newest first. */
  const merges = signal<ContactMerge[]>([]);

  const preview = computed(() => {
    const current = review.value;
    if (!current) return null;
    const [first, second] = current.contacts;
    const survivor = first.id === current.survivorId ? first : second;
    const merged = survivor === first ? second : first;
    return {
      /** In the pair's order, whoever stays, so that the table's columns keep still on a swap. */
      contacts: current.contacts,
      labels: pairLabels(first, second),
      survivor,
      merged,
      rows: mergePreview(survivor, merged).map(({ survivor: kept, merged: folded, ...row }) => ({
        ...row,
        values: (survivor === first ? [kept, folded] : [folded, kept]) as [string, string],
      })),
      problem: mergeProblem(survivor, merged),
      moving: describeCounts(current.counts[merged.id] as OwnedRowCounts),
    };
  });

  const visiblePairs = computed(() => pairs.value.slice(0, shown.value));

  async function refresh() {
    try {
      const [contacts, dismissed, recent] = await Promise.all([
        snapshotOf(deps).then((snapshot) => snapshot.contacts),
        readDismissedDuplicates(deps.db),
        listMerges(deps.db, RECENT_MERGES),
      ]);
      merges.value = recent.filter((merge) => merge.undoneAt === undefined);
      // Comparing 50,000 contacts takes a few hundred milliseconds: the contacts list goes first.
      await yieldToScreen();
      const byId = new Map(contacts.map((contact) => [contact.id, contact]));
      pairs.value = findDuplicates(contacts, dismissed).map((candidate) => {
        const names = candidate.ids.map((id) => byId.get(id)?.name ?? '') as [string, string];
        return {
          ...candidate,
          names,
          text: t(
            'contacts_pair_text',
            names[0],
            names[1],
            candidate.reasons.map((reason) => DUPLICATE_REASON_LABELS[reason]).join(', '),
          ),
        };
      });
      error.value = null;
    } catch (failure) {
      error.value = t('contacts_duplicates_not_found', errorMessage(failure));
    }
  }

  const runAction = userAction({ busy, error });
  /** Runs one user action (see userAction), and none while another runs. */
  async function act(failure: FailureText, action: () => Promise<void>) {
    if (!busy.value) await runAction(failure, action);
  }

  /** Opens the preview of merging two contacts, found as duplicates or picked by hand. */
  async function reviewPair(firstId: string, secondId: string) {
    await act(null, async () => {
      const found = await deps.db.contacts.bulkGet([firstId, secondId]);
      const [first, second] = found;
      if (!first || !second) throw new Error(t('contacts_pair_gone'));
      const [firstCounts, secondCounts] = await Promise.all([
        countOwnedRows(deps.db, first.id),
        countOwnedRows(deps.db, second.id),
      ]);
      batch(() => {
        status.value = null;
        review.value = {
          contacts: [first, second],
          counts: { [first.id]: firstCounts, [second.id]: secondCounts },
          survivorId: defaultSurvivor(
            { contact: first, counts: firstCounts },
            { contact: second, counts: secondCounts },
          ),
        };
      });
    });
  }

  async function reviewCandidate(key: string) {
    const pair = pairs.value.find((candidate) => candidate.key === key);
    if (pair) await reviewPair(...pair.ids);
  }

  /** Chooses which of the two contacts stays. */
  function keep(contactId: string) {
    const current = review.value;
    if (current && current.contacts.some((contact) => contact.id === contactId)) {
      review.value = { ...current, survivorId: contactId };
    }
  }

  function cancel() {
    batch(() => {
      review.value = null;
      error.value = null;
    });
  }

  async function merge() {
    const shownPreview = preview.value;
    if (!shownPreview) return;
    const { survivor, merged } = shownPreview;
    await act(failedWith('contacts_not_merged'), async () => {
      const record = await mergeContacts(
        deps.db,
        { survivorId: survivor.id, mergedId: merged.id },
        { defaultCountry: deps.defaultCountry, ...(deps.now ? { now: deps.now() } : {}) },
      );
      batch(() => {
        review.value = null;
        lastMerge.value = record.id;
        status.value = t('contacts_merged', merged.name, survivor.name);
      });
      await changed();
    });
  }

  /** Undoes a merge: the one just made, or one of the recent ones. */
  async function undo(mergeId: string | null = lastMerge.value) {
    if (!mergeId) return;
    await act(failedWith('contacts_not_undone'), async () => {
      const undone = await undoMerge(deps.db, mergeId, {
        defaultCountry: deps.defaultCountry,
        ...(deps.now ? { now: deps.now() } : {}),
      });
      batch(() => {
        if (lastMerge.value === mergeId) lastMerge.value = null;
        status.value =
          t('contacts_undid_merge', undone.merged.name, undone.survivor.name) +
          keptNote(undone.survivor.name, undone.kept);
      });
      await changed();
    });
  }

  /** The user says the pair under review are two people: it is never offered again. */
  async function dismiss() {
    const current = review.value;
    if (!current) return;
    const [first, second] = current.contacts;
    await act(failedWith('contacts_dismiss_not_saved'), async () => {
      await dismissDuplicate(deps.db, first.id, second.id);
      const key = pairKey(first.id, second.id);
      batch(() => {
        review.value = null;
        pairs.value = pairs.value.filter((pair) => pair.key !== key);
        status.value = t('contacts_not_offered_again', first.name, second.name);
      });
    });
  }

  function showMore() {
    shown.value += PAGE;
  }

  // One reload: comparing every contact again twice over would double the wait at 50,000.
  async function changed() {
    if (deps.onChanged) await deps.onChanged();
    else await refresh();
  }

  return {
    pairs,
    visiblePairs,
    review,
    preview,
    status,
    error,
    busy,
    lastMerge,
    merges,
    refresh,
    reviewPair,
    reviewCandidate,
    keep,
    cancel,
    merge,
    undo,
    dismiss,
    showMore,
  };
}

export type DuplicatesModel = ReturnType<typeof createDuplicatesModel>;

/** What undo chose when the survivor was edited after the merge: the later edits stay. */
function keptNote(name: string, kept: readonly KeptEdit[]): string {
  if (kept.length === 0) return '';
  const fields = andList(kept.map((field) => MERGE_FIELD_LABELS[field].toLowerCase()));
  return ` ${t('contacts_kept_note', name, fields)}`;
}
