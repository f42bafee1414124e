import { computed, signal } from '@preact/signals';
import { sniffType } from '../../domain/attachment';
import type { BuyBack, BuyBackItem } from '../../domain/buyback';
import { todayLocal, type CalendarDate } from '../../domain/dates';
import { errorMessage } from '../../domain/errors';
import { t, uiLanguage } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
import { minorDigits, type CurrencyCode } from '../../domain/money';
import {
  DEFAULT_RECEIPT_TEMPLATE,
  MAX_LOGO_BYTES,
  ReceiptTemplate,
  type ReceiptOptionalField,
} from '../../domain/receipt-template';
import { receiptLayout, type ReceiptLayoutInput } from '../../pdf/receipt-layout';

/**
 * The receipt template editor: the draft the user edits, its messages, saving, and a live preview
 * of a sample receipt drawn from the draft as it changes. Storage comes in through `deps`
 * (readSetting / writeSetting of 'receiptTemplate' in the dashboard), so this runs in tests as is.
 */

export interface ReceiptTemplateDeps {
  load(): Promise<ReceiptTemplate>;
  save(template: ReceiptTemplate): Promise<void>;
}

export interface ReceiptTemplateOptions {
  /** Formats the preview's amounts and dates; the browser's language by default. */
  locale?: string;
  /** The sample receipt's currency (USD by default). */
  currency?: CurrencyCode;
  /** The sample payout's day (today by default). */
  today?: CalendarDate;
}

export type ReceiptTextField = 'shopName' | 'address' | 'terms';
export type ReceiptTemplateErrors = Partial<Record<ReceiptTextField | 'logo', string>>;

/** The editor's label of a field, which the messages about the field name. */
export function receiptTextLabel(field: ReceiptTextField): string {
  switch (field) {
    case 'shopName':
      return t('receipt_shop_name');
    case 'address':
      return t('receipt_shop_address');
    case 'terms':
      return t('receipt_terms');
  }
}

/** A receipt to preview the template on: a sample seller selling two devices, paid in cash. */
export function sampleReceiptInput(template: ReceiptTemplate, options: ReceiptTemplateOptions = {}) {
  const currency = options.currency ?? 'USD';
  const today = options.today ?? todayLocal();
  const at = `${today}T12:00:00.000Z`;
  const money = (whole: number) => ({ minor: whole * 10 ** minorDigits(currency), currency });
  const items: BuyBackItem[] = [
    {
      id: '00000000-0000-4000-8000-000000000011',
      description: t('receipt_sample_phone'),
      serial: '356938035643809',
      condition: 'A',
      price: money(250),
      stage: 'bought',
    },
    {
      id: '00000000-0000-4000-8000-000000000012',
      description: t('receipt_sample_tablet'),
      serial: 'DMPXK1234ABC',
      condition: 'B',
      price: money(120),
      stage: 'bought',
    },
  ];
  const buyBack: BuyBack = {
    id: '00000000-0000-4000-8000-000000000001',
    createdAt: at,
    updatedAt: at,
    number: 1,
    contactId: '00000000-0000-4000-8000-000000000002',
    status: 'paid',
    currency,
    seller: {
      idType: t('receipt_sample_id_type'),
      idNumber: 'D1234567',
      idExpiry: '2030-06-30',
      dateOfBirth: '1990-05-17',
    },
    notes: '',
    items,
    log: [],
    payout: {
      id: '00000000-0000-4000-8000-000000000003',
      method: t('receipt_sample_method'),
      reference: 'R-0001',
      message: t('receipt_sample_message'),
      amount: money(370),
      paidAt: at,
      paidOn: today,
    },
  };
  return {
    buyBack,
    seller: { name: 'Sam Seller', email: 'sam@example.com', phone: '+1 555 0100' },
    template,
    locale: options.locale ?? defaultLocale(),
  } satisfies ReceiptLayoutInput;
}

export function createReceiptTemplateModel(deps: ReceiptTemplateDeps, options: ReceiptTemplateOptions = {}) {
  const draft = signal<ReceiptTemplate>(DEFAULT_RECEIPT_TEMPLATE);
  const errors = signal<ReceiptTemplateErrors>({});
  const saving = signal(false);
  const loaded = signal(false);
  /** What the last save did, for a status line. */
  const status = signal<string | null>(null);
  /** A load or save that failed. */
  const error = signal<string | null>(null);
  const preview = computed(() => receiptLayout(sampleReceiptInput(draft.value, options)));
  // Edits not saved yet: a refresh (the dashboard refreshes when it is shown again) keeps them.
  let dirty = false;

  function change(next: Partial<ReceiptTemplate>, field?: keyof ReceiptTemplateErrors) {
    draft.value = { ...draft.value, ...next };
    dirty = true;
    status.value = null;
    if (field && errors.value[field] !== undefined) {
      const { [field]: _done, ...rest } = errors.value;
      errors.value = rest;
    }
  }

  async function refresh() {
    if (dirty) return;
    try {
      const template = await deps.load();
      if (dirty) return;
      draft.value = template;
      loaded.value = true;
      error.value = null;
    } catch (failure) {
      error.value = t('receipt_not_loaded', errorMessage(failure));
    }
  }

  function edit(field: ReceiptTextField, value: string) {
    change({ [field]: value }, field);
  }

  function setShown(field: ReceiptOptionalField, shown: boolean) {
    change({ show: { ...draft.value.show, [field]: shown } });
  }

  /** Takes a PNG or JPEG of at most MAX_LOGO_BYTES, judged by its bytes, not its name. */
  async function setLogo(file: File) {
    const reject = (message: string) => {
      errors.value = { ...errors.value, logo: message };
    };
    if (file.size > MAX_LOGO_BYTES) {
      reject(t('receipt_logo_too_big', formatBytes(MAX_LOGO_BYTES), file.name, formatBytes(file.size)));
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (failure) {
      reject(t('receipt_logo_unreadable', file.name, errorMessage(failure)));
      return;
    }
    // Judged by its first bytes, as attachments are; a receipt logo is a PNG or a JPEG.
    const type = sniffType(bytes);
    if (type !== 'image/png' && type !== 'image/jpeg') {
      reject(t('receipt_logo_not_image', file.name));
      return;
    }
    change({ logo: `data:${type};base64,${base64(bytes)}` }, 'logo');
  }

  function removeLogo() {
    const { logo: _removed, ...rest } = draft.value;
    draft.value = rest;
    dirty = true;
    status.value = null;
    const { logo: _message, ...others } = errors.value;
    errors.value = others;
  }

  /** Saves the draft, or marks what to fix; true when saved. */
  async function save(): Promise<boolean> {
    if (saving.value) return false;
    status.value = null;
    error.value = null;
    const parsed = ReceiptTemplate.safeParse(draft.value);
    if (!parsed.success) {
      const found: ReceiptTemplateErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'logo' || field === 'shopName' || field === 'address' || field === 'terms') {
          found[field] ??= issueMessage(field, issue);
        }
      }
      errors.value = found;
      error.value = Object.keys(found).length === 0 ? t('receipt_not_valid') : null;
      return false;
    }
    saving.value = true;
    try {
      await deps.save(parsed.data);
      // The stored form: trimmed as the schema trims it.
      draft.value = parsed.data;
      dirty = false;
      errors.value = {};
      status.value = t('receipt_saved');
      return true;
    } catch (failure) {
      error.value = t('receipt_not_saved', errorMessage(failure));
      return false;
    } finally {
      saving.value = false;
    }
  }

  return {
    draft,
    errors,
    saving,
    loaded,
    status,
    error,
    preview,
    refresh,
    edit,
    setShown,
    setLogo,
    removeLogo,
    save,
  };
}

export type ReceiptTemplateModel = ReturnType<typeof createReceiptTemplateModel>;

function defaultLocale(): string {
  return uiLanguage();
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading a whole image into one call would overflow the argument stack.
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024
    ? t('receipt_size_kb', formatCount(Math.ceil(bytes / 1024)))
    : t('receipt_size_mb', formatCount(Math.round((bytes / (1024 * 1024)) * 10) / 10));
}

/**
 * What to fix in a field, said from the kind of problem the schema found (its own wording is
 * English and lowercase): "Shop name can be at most 120 characters."
 */
function issueMessage(
  field: ReceiptTextField | 'logo',
  issue: { code: string; maximum?: unknown; minimum?: unknown },
): string {
  if (field === 'logo') {
    return issue.code === 'too_big'
      ? t('receipt_logo_at_most', formatBytes(MAX_LOGO_BYTES))
      : t('receipt_logo_must_be_image');
  }
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
    return t('receipt_field_at_most', receiptTextLabel(field), formatCount(issue.maximum));
  }
  if (field === 'shopName') return t('receipt_needs_shop_name');
  return t('receipt_field_not_valid', receiptTextLabel(field));
}
