import { signal } from '@preact/signals';
import type { CountryCode } from 'libphonenumber-js/min';
import { t } from '../../domain/i18n';
import type { PastedFields } from '../../domain/pasted-contact';

export interface PasteContactDeps {
  defaultCountry: CountryCode;
  /**
   * Opens the contact form prefilled with what was read, for the user to check and capture;
   * `otherContacts`: how many more vCards were pasted and left out. False when it could not
   * (the pasted text then stays).
   */
  open(fields: PastedFields, otherContacts: number): boolean;
}

/**
 * Paste-a-contact on the sidebar's "no customer" card: a vCard or a block of text in, the contact
 * form out. When nothing can be read, `problem` says why and the pasted text stays to be fixed.
 */
export function createPasteContactModel(deps: PasteContactDeps) {
  const text = signal('');
  const problem = signal<string | null>(null);

  async function read(): Promise<void> {
    // The reader (vCard, text, phone search) loads when first used: the sidebar opens without it.
    const { readPastedContact } = await import('../../domain/pasted-contact');
    const result = readPastedContact(text.value, deps.defaultCountry);
    if (!result.found) {
      problem.value = result.reason === 'empty' ? t('sidebar_paste_empty') : t('sidebar_paste_nothing_found');
      return;
    }
    problem.value = null;
    if (deps.open(result.fields, result.otherContacts)) text.value = '';
  }

  return {
    text,
    problem,
    read,
    /** Typing again clears a reason given for the text as it was. */
    edit(next: string) {
      text.value = next;
      problem.value = null;
    },
  };
}

export type PasteContactModel = ReturnType<typeof createPasteContactModel>;
