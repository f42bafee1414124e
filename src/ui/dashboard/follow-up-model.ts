import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Contact } from '../../domain/contact';
import { todayLocal, type CalendarDate } from '../../domain/dates';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import type { PurchaseRecord } from '../../domain/purchase';
import { dueForReorder, estimateReorders, type ReorderEstimate } from '../../domain/reorder';
import { sampleConversion } from '../../domain/sample-conversion';
import { SETTINGS } from '../../domain/settings';
import type { TallyDatabase } from '../../db/database';
import { readSetting, writeSetting } from '../../db/settings';

export interface FollowUpDeps {
  db: TallyDatabase;
  /** The recorded purchases and their contacts, as the dashboard loaded them (one read for both). */
  history: {
    purchases: ReadonlySignal<readonly PurchaseRecord[]>;
    contacts: ReadonlySignal<ReadonlyMap<string, Contact>>;
  };
  /** Today's calendar date where the user is; tests pin it. */
  today?: () => CalendarDate;
}

/** A due reorder with the name of the contact it is for. */
export interface DueRow extends ReorderEstimate {
  contactName: string;
}

/**
 * The dashboard's follow-up: who is due to reorder what, and how often samples lead to a
 * purchase, with the conversion window the user sets.
 */
export function createFollowUpModel(deps: FollowUpDeps) {
  const today = signal<CalendarDate>((deps.today ?? todayLocal)());
  const { purchases: records, contacts } = deps.history;
  const lookaheadDays = signal<number>(SETTINGS.reorderLookaheadDays.default);
  const conversionDays = signal<number>(SETTINGS.sampleConversionDays.default);
  /** What the `Conversion window (days)` field shows: the saved value, or what the user typed. */
  const windowText = signal(String(SETTINGS.sampleConversionDays.default));
  const windowError = signal<string | null>(null);
  const error = signal<string | null>(null);

  // A deleted contact will not reorder: only live contacts are listed.
  const due = computed<DueRow[]>(() => {
    const options = { today: today.value, lookaheadDays: lookaheadDays.value };
    return dueForReorder(
      estimateReorders(records.value, options),
      options.today,
      options.lookaheadDays,
    ).flatMap((estimate) => {
      const contact = contacts.value.get(estimate.contactId);
      return contact && contact.deletedAt === undefined ? [{ ...estimate, contactName: contact.name }] : [];
    });
  });
  const conversion = computed(() => sampleConversion(records.value, conversionDays.value, today.value));

  /** Reads the settings (the purchases come from `history`, refreshed by its owner). */
  async function refresh() {
    try {
      const [lookahead, window] = await Promise.all([
        readSetting(deps.db, 'reorderLookaheadDays'),
        readSetting(deps.db, 'sampleConversionDays'),
      ]);
      batch(() => {
        today.value = (deps.today ?? todayLocal)();
        lookaheadDays.value = lookahead;
        conversionDays.value = window;
        // What the user typed and could not save stays in the field until they fix it.
        if (windowError.value === null) windowText.value = String(window);
        error.value = null;
      });
    } catch (failure) {
      error.value = t('dashboard_follow_up_not_loaded', errorMessage(failure));
    }
  }

  /** Saves the conversion window the user typed and recounts; invalid text is marked, not saved. */
  async function saveConversionWindow(text: string) {
    windowText.value = text;
    const checked = parseConversionWindow(text);
    if (typeof checked === 'string') {
      windowError.value = checked;
      return;
    }
    try {
      await writeSetting(deps.db, 'sampleConversionDays', checked);
      batch(() => {
        conversionDays.value = checked;
        windowText.value = String(checked);
        windowError.value = null;
      });
    } catch (failure) {
      windowError.value = t('dashboard_conversion_window_not_saved', errorMessage(failure));
    }
  }

  return {
    today,
    lookaheadDays,
    conversionDays,
    windowText,
    windowError,
    error,
    due,
    conversion,
    refresh,
    saveConversionWindow,
  };
}

export type FollowUpModel = ReturnType<typeof createFollowUpModel>;

/** The number of days in `text`, or what is wrong with it, in words. */
export function parseConversionWindow(text: string): number | string {
  const trimmed = text.trim();
  if (!/^[-+]?\d+$/.test(trimmed)) return t('dashboard_conversion_window_whole_days');
  const checked = SETTINGS.sampleConversionDays.schema.safeParse(Number(trimmed));
  return checked.success
    ? checked.data
    : t(
        'dashboard_conversion_window_must_be',
        checked.error.issues[0]?.message ?? t('dashboard_conversion_window_range'),
      );
}
