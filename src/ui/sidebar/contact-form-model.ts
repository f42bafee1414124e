import { signal, type Signal } from '@preact/signals';
import type { PageFields } from '../../adapters/adapter';
import {
  parseContactSnapshot,
  type ContactSnapshot,
  type SnapshotField,
} from '../../domain/contact-snapshot';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';

export const FORM_FIELDS: readonly {
  field: SnapshotField;
  /** Looked up when shown, in the user's language. */
  label: () => string;
  inputMode: 'text' | 'email' | 'tel';
}[] = [
  { field: 'name', label: () => t('common_name'), inputMode: 'text' },
  { field: 'email', label: () => t('common_email'), inputMode: 'email' },
  { field: 'phone', label: () => t('common_phone'), inputMode: 'tel' },
  { field: 'company', label: () => t('common_company'), inputMode: 'text' },
  { field: 'externalId', label: () => t('sidebar_field_customer_number'), inputMode: 'text' },
];

/**
 * The contact form the user completes when Tally is not sure: a possible contact, a page whose
 * back office changed, or fields picked by hand. Prefilled with what the page showed.
 */
export function createContactFormModel(
  prefill: PageFields,
  origin: { backOffice: string; url: string; role?: 'customer' | 'supplier' },
) {
  const values = Object.fromEntries(
    FORM_FIELDS.map(({ field }) => [field, signal(prefill[field] ?? '')]),
  ) as Record<SnapshotField, Signal<string>>;
  const problem = signal<string | null>(null);

  /** The snapshot the form describes, or null with `problem` saying which field to fix. */
  function toSnapshot(): ContactSnapshot | null {
    const raw: Record<string, string> = { backOffice: origin.backOffice, url: origin.url };
    for (const { field } of FORM_FIELDS) {
      const value = values[field].value.trim();
      if (value) raw[field] = value;
    }
    if (origin.role) raw['role'] = origin.role;
    try {
      problem.value = null;
      return parseContactSnapshot(raw);
    } catch (error) {
      problem.value = errorMessage(error);
      return null;
    }
  }

  return { values, problem, toSnapshot };
}

export type ContactFormModel = ReturnType<typeof createContactFormModel>;
