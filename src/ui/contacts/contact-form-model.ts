import { signal } from '@preact/signals';
import {
  ADDRESS_FIELDS,
  type AddressField,
  type Contact,
  type ContactRole,
  type ExternalId,
} from '../../domain/contact';
import {
  contactFieldProblems,
  contactFields,
  type ContactFieldName,
  type ContactFields,
} from '../../domain/contact-edit';
import { externalKey } from '../../domain/contact-keys';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { ContactRefused } from '../../db/contact-book';

/** The form's text, as typed: tags as one comma-separated line. */
export interface ContactDraft {
  name: string;
  company: string;
  email: string;
  phone: string;
  role: ContactRole;
  address: Record<AddressField, string>;
  tags: string;
  notes: string;
  externalIds: ExternalId[];
}

export interface ContactFormDeps {
  /** The contact being edited; a new one when absent. */
  contact?: Contact;
  save: (fields: ContactFields) => Promise<Contact>;
  /** Another contact with the same email or phone, asked before adding a new one. */
  findSame?: (fields: ContactFields) => Promise<{ contact: Contact; same: 'email' | 'phone' } | undefined>;
  onSaved: (contact: Contact) => void;
}

export function draftOf(contact: Contact | undefined): ContactDraft {
  const fields = contact ? contactFields(contact) : undefined;
  return {
    name: fields?.name ?? '',
    company: fields?.company ?? '',
    email: fields?.email ?? '',
    phone: fields?.phone ?? '',
    role: fields?.role ?? 'customer',
    address: Object.fromEntries(
      ADDRESS_FIELDS.map((field) => [field, fields?.address?.[field] ?? '']),
    ) as Record<AddressField, string>,
    tags: (fields?.tags ?? []).join(', '),
    notes: fields?.notes ?? '',
    externalIds: fields?.externalIds ?? [],
  };
}

export function fieldsOf(draft: ContactDraft): ContactFields {
  return {
    name: draft.name,
    company: draft.company,
    email: draft.email.trim(),
    phone: draft.phone,
    role: draft.role,
    address: draft.address,
    tags: draft.tags.split(','),
    notes: draft.notes,
    externalIds: draft.externalIds,
  };
}

/** Adding or editing a contact by hand: the draft, each field's problem, and saving it. */
export function createContactFormModel(deps: ContactFormDeps) {
  const draft = signal<ContactDraft>(draftOf(deps.contact));
  const problems = signal<Partial<Record<ContactFieldName, string>>>({});
  /** A contact with the same email or phone, shown before adding another one anyway. */
  const sameAs = signal<{ contact: Contact; same: 'email' | 'phone' } | null>(null);
  const newId = signal({ backOffice: '', id: '' });
  const busy = signal(false);
  const error = signal<string | null>(null);

  function update(change: Partial<ContactDraft>) {
    draft.value = { ...draft.value, ...change };
    sameAs.value = null;
  }

  function updateAddress(field: AddressField, value: string) {
    update({ address: { ...draft.value.address, [field]: value } });
  }

  function removeExternalId(id: ExternalId) {
    update({
      externalIds: draft.value.externalIds.filter((known) => externalKey(known) !== externalKey(id)),
    });
  }

  /** Adds the typed back-office id; both parts are needed. */
  function addExternalId() {
    const backOffice = newId.value.backOffice.trim();
    const id = newId.value.id.trim();
    if (!backOffice || !id) {
      error.value = t('contacts_id_needs_both');
      return;
    }
    error.value = null;
    update({ externalIds: [...draft.value.externalIds, { backOffice, id }] });
    newId.value = { backOffice: '', id: '' };
  }

  /** Saves the draft; `anyway` adds a new contact even though another has the same email or phone. */
  async function save(anyway = false) {
    const fields = fieldsOf(draft.value);
    const found = contactFieldProblems(fields);
    problems.value = found;
    if (Object.keys(found).length > 0) return;
    busy.value = true;
    error.value = null;
    try {
      if (!deps.contact && !anyway && deps.findSame) {
        const same = await deps.findSame(fields);
        if (same) {
          sameAs.value = same;
          return;
        }
      }
      const saved = await deps.save(fields);
      sameAs.value = null;
      deps.onSaved(saved);
    } catch (failure) {
      if (failure instanceof ContactRefused) problems.value = failure.problems;
      else error.value = t('contacts_not_saved', errorMessage(failure));
    } finally {
      busy.value = false;
    }
  }

  return {
    editing: deps.contact !== undefined,
    draft,
    problems,
    sameAs,
    newId,
    busy,
    error,
    update,
    updateAddress,
    removeExternalId,
    addExternalId,
    save,
  };
}

export type ContactFormModel = ReturnType<typeof createContactFormModel>;
