import { batch, computed, signal } from '@preact/signals';
import { SELLER_ID_FIELDS, STORE_CREDIT, type SellerIdField } from '../../domain/buyback';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { SETTINGS } from '../../domain/settings';
import type { TallyDatabase } from '../../db/database';
import { readSetting, writeSetting } from '../../db/settings';
import { paymentMethodLabel, storedPaymentMethod } from '../../domain/payment-method';

export interface BuyBackSettingsDeps {
  db: TallyDatabase;
}

/** One payment method as the list edits it; `key` keeps its field while others come and go. */
export interface PaymentMethodDraft {
  key: number;
  name: string;
}

/**
 * The shop's buy-back settings as a form: hold period, which seller identification a payout
 * needs, and the payment methods. Edits stay in the form until `save`, which checks every field
 * first and writes all three settings in one transaction, or none.
 */
export function createBuyBackSettingsModel(deps: BuyBackSettingsDeps) {
  let nextKey = 0;
  const drafts = (names: readonly string[]): PaymentMethodDraft[] =>
    names.map((name) => ({ key: nextKey++, name: paymentMethodLabel(name) }));

  const holdDaysText = signal(String(SETTINGS.holdDays.default));
  const requiredSellerId = signal<readonly SellerIdField[]>(SETTINGS.requiredSellerId.default);
  const paymentMethods = signal<readonly PaymentMethodDraft[]>(drafts(SETTINGS.paymentMethods.default));
  const newMethod = signal('');
  const holdDaysError = signal<string | null>(null);
  const methodsError = signal<string | null>(null);
  const newMethodError = signal<string | null>(null);
  const error = signal<string | null>(null);
  const status = signal<string | null>(null);
  const busy = signal(false);
  /** The user changed something not saved yet: a refresh must not throw it away. */
  const edited = signal(false);
  const offersStoreCredit = computed(() =>
    paymentMethods.value.some((method) => storedPaymentMethod(method.name) === STORE_CREDIT),
  );

  function edit() {
    edited.value = true;
    status.value = null;
  }

  /** Shows the saved settings, unless the form holds edits not saved yet. */
  async function refresh() {
    try {
      const [holdDays, required, methods] = await Promise.all([
        readSetting(deps.db, 'holdDays'),
        readSetting(deps.db, 'requiredSellerId'),
        readSetting(deps.db, 'paymentMethods'),
      ]);
      batch(() => {
        error.value = null;
        if (edited.value) return;
        holdDaysText.value = String(holdDays);
        requiredSellerId.value = required;
        paymentMethods.value = drafts(methods);
      });
    } catch (failure) {
      error.value = t('dashboard_buy_back_settings_not_loaded', errorMessage(failure));
    }
  }

  function setHoldDaysText(text: string) {
    holdDaysText.value = text;
    edit();
  }

  function setRequired(field: SellerIdField, required: boolean) {
    const chosen = new Set(requiredSellerId.value);
    if (required) chosen.add(field);
    else chosen.delete(field);
    requiredSellerId.value = SELLER_ID_FIELDS.filter((one) => chosen.has(one));
    edit();
  }

  function renameMethod(key: number, name: string) {
    paymentMethods.value = paymentMethods.value.map((method) =>
      method.key === key ? { key, name } : method,
    );
    edit();
  }

  /** Takes a method off the list, unless the list would break the setting's rule (keep one). */
  function removeMethod(key: number) {
    const next = paymentMethods.value.filter((method) => method.key !== key);
    const problem = listProblem(next.map((method) => method.name));
    if (problem) {
      methodsError.value = problem;
      return;
    }
    batch(() => {
      paymentMethods.value = next;
      methodsError.value = null;
      edit();
    });
  }

  function setNewMethod(text: string) {
    newMethod.value = text;
    newMethodError.value = null;
  }

  /** Adds the typed method at the end; a name the list cannot take is marked and kept in the field. */
  function addMethod() {
    const names = [...paymentMethods.value.map((method) => method.name), newMethod.value];
    const problem = paymentMethodsProblem(names, { only: names.length - 1 });
    if (problem) {
      newMethodError.value = problem;
      return;
    }
    batch(() => {
      paymentMethods.value = [...paymentMethods.value, ...drafts([newMethod.value.trim()])];
      newMethod.value = '';
      newMethodError.value = null;
      methodsError.value = null;
      edit();
    });
  }

  /** Checks every field, then writes the three settings together; any problem writes nothing. */
  async function save() {
    if (busy.value) return;
    const holdDays = parseHoldDays(holdDaysText.value);
    const names = paymentMethods.value.map((method) => storedPaymentMethod(method.name));
    const methodsProblem = paymentMethodsProblem(names);
    batch(() => {
      holdDaysError.value = typeof holdDays === 'string' ? holdDays : null;
      methodsError.value = methodsProblem;
      status.value = null;
      error.value = null;
    });
    if (typeof holdDays === 'string' || methodsProblem) return;

    busy.value = true;
    try {
      const required = [...requiredSellerId.value];
      await deps.db.transaction('rw', deps.db.settings, async () => {
        await writeSetting(deps.db, 'holdDays', holdDays);
        await writeSetting(deps.db, 'requiredSellerId', required);
        await writeSetting(deps.db, 'paymentMethods', names);
      });
      batch(() => {
        holdDaysText.value = String(holdDays);
        paymentMethods.value = drafts(names);
        edited.value = false;
        status.value = t('dashboard_buy_back_settings_saved');
      });
    } catch (failure) {
      error.value = t('dashboard_buy_back_settings_not_saved', errorMessage(failure));
    } finally {
      busy.value = false;
    }
  }

  return {
    holdDaysText,
    requiredSellerId,
    paymentMethods,
    newMethod,
    holdDaysError,
    methodsError,
    newMethodError,
    error,
    status,
    busy,
    edited,
    offersStoreCredit,
    refresh,
    setHoldDaysText,
    setRequired,
    renameMethod,
    removeMethod,
    setNewMethod,
    addMethod,
    save,
  };
}

export type BuyBackSettingsModel = ReturnType<typeof createBuyBackSettingsModel>;

/** The hold period in `text`, or what is wrong with it, in words. */
export function parseHoldDays(text: string): number | string {
  const trimmed = text.trim();
  if (!/^[-+]?\d+$/.test(trimmed)) return t('dashboard_hold_period_whole_days');
  const checked = SETTINGS.holdDays.schema.safeParse(Number(trimmed));
  return checked.success
    ? checked.data
    : t(
        'dashboard_hold_period_must_be',
        checked.error.issues[0]?.message ?? t('dashboard_hold_period_range'),
      );
}

/**
 * What the paymentMethods setting's schema says about a list, as a sentence naming the method
 * concerned; null when the list can be saved. `only` limits the answer to problems of the list as
 * a whole and of the method at that index (the one being added), so a method still being edited
 * elsewhere does not block it.
 */
export function paymentMethodsProblem(
  names: readonly string[],
  options: { only?: number } = {},
): string | null {
  const checked = SETTINGS.paymentMethods.schema.safeParse(names);
  if (checked.success) return null;
  for (const issue of checked.error.issues) {
    const [index] = issue.path;
    if (typeof index !== 'number') return describeListIssue(issue, names);
    if (options.only !== undefined && index !== options.only) continue;
    const name = (names[index] ?? '').trim();
    const number = String(index + 1);
    if (issue.code === 'too_small') return t('dashboard_payment_method_needs_name', number);
    const label =
      name === '' ? t('dashboard_payment_method_number', number) : t('dashboard_quoted', shorten(name));
    if (issue.code === 'too_big') return t('dashboard_too_long', label, String(issue.maximum));
    return t('dashboard_labelled_problem', label, issue.message);
  }
  return null;
}

/** The problems that concern the list as a whole (count, duplicates), not one method's name. */
function listProblem(names: readonly string[]): string | null {
  return paymentMethodsProblem(names, { only: -1 });
}

function describeListIssue(issue: { code: string; message: string }, names: readonly string[]): string {
  if (issue.code === 'custom') {
    const seen = new Set<string>();
    const twice = names.find((name) => {
      const key = name.trim().toLowerCase();
      if (seen.has(key)) return true;
      seen.add(key);
      return false;
    });
    if (twice !== undefined) return t('dashboard_payment_method_twice', shorten(twice.trim()));
  }
  // The schema's words ("keep at least one payment method"), as a sentence.
  return `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
