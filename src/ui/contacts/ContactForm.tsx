import { ADDRESS_FIELDS, ADDRESS_LABELS, CONTACT_TEXT_LIMITS, type ContactRole } from '../../domain/contact';
import { externalKey, externalLabel } from '../../domain/contact-keys';
import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { FieldProblem, invalidProps } from '../FieldProblem';
import { SelectField } from '../SelectField';
import { contactHref } from './address';
import type { ContactDraft, ContactFormModel } from './contact-form-model';

export const CONTACT_ROLES: readonly ContactRole[] = ['customer', 'supplier', 'both'];

export function roleLabel(role: ContactRole): string {
  switch (role) {
    case 'customer':
      return t('contacts_role_customer');
    case 'supplier':
      return t('contacts_role_supplier');
    case 'both':
      return t('contacts_role_both');
  }
}

type TextField = 'name' | 'company' | 'email' | 'phone';

/** Adding or editing a contact by hand: every field a person keeps about a customer or supplier. */
export function ContactForm(props: { model: ContactFormModel; onCancel: () => void }) {
  const { model } = props;
  const draft = model.draft.value;
  const problems = model.problems.value;
  const sameAs = model.sameAs.value;
  const text = (
    field: TextField,
    label: string,
    limit: number,
    inputMode: 'text' | 'email' | 'tel' = 'text',
  ) => (
    <>
      <label>
        {label}
        <input
          inputMode={inputMode}
          value={draft[field]}
          maxLength={limit}
          {...invalidProps(`contact-${field}-problem`, problems[field])}
          onInput={(event) => model.update({ [field]: event.currentTarget.value } as Partial<ContactDraft>)}
        />
      </label>
      <FieldProblem id={`contact-${field}-problem`} text={problems[field]} />
    </>
  );
  return (
    <form
      class="contact-form"
      noValidate
      aria-label={model.editing ? t('contacts_edit_contact') : t('contacts_new_contact')}
      onSubmit={(event) => {
        event.preventDefault();
        void model.save();
      }}
    >
      <div class="form-grid">
        {text('name', t('contacts_name'), CONTACT_TEXT_LIMITS.name)}
        {text('company', t('contacts_company'), CONTACT_TEXT_LIMITS.company)}
        {text('email', t('contacts_email'), 320, 'email')}
        {text('phone', t('contacts_phone'), CONTACT_TEXT_LIMITS.phone, 'tel')}
        <SelectField
          label={t('contacts_role')}
          value={draft.role}
          onChange={(value) => model.update({ role: value as ContactRole })}
        >
          {CONTACT_ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset class="form-grid">
        <legend>{t('contacts_address')}</legend>
        {ADDRESS_FIELDS.map((field) => (
          <label key={field}>
            {ADDRESS_LABELS[field]}
            <input
              value={draft.address[field]}
              maxLength={CONTACT_TEXT_LIMITS.addressLine}
              onInput={(event) => model.updateAddress(field, event.currentTarget.value)}
            />
          </label>
        ))}
      </fieldset>
      <FieldProblem id="contact-address-problem" text={problems.address} />
      <label>
        {t('contacts_tags')} <span class="muted">{t('contacts_tags_hint')}</span>
        <input
          value={draft.tags}
          {...invalidProps('contact-tags-problem', problems.tags)}
          onInput={(event) => model.update({ tags: event.currentTarget.value })}
        />
      </label>
      <FieldProblem id="contact-tags-problem" text={problems.tags} />
      <label>
        {t('contacts_notes')}
        <textarea
          rows={3}
          maxLength={CONTACT_TEXT_LIMITS.notes}
          value={draft.notes}
          {...invalidProps('contact-notes-problem', problems.notes)}
          onInput={(event) => model.update({ notes: event.currentTarget.value })}
        />
      </label>
      <FieldProblem id="contact-notes-problem" text={problems.notes} />
      <BackOfficeIds model={model} />
      <ErrorMessage message={model.error.value} />
      {sameAs ? (
        <div role="alert" class="notice">
          <p>
            {sameAs.same === 'email'
              ? t('contacts_same_email', sameAs.contact.name)
              : t('contacts_same_phone', sameAs.contact.name)}{' '}
            <a href={contactHref(sameAs.contact.id)}>{t('contacts_open', sameAs.contact.name)}</a>
          </p>
          <button type="button" disabled={model.busy.value} onClick={() => void model.save(true)}>
            {t('contacts_add_anyway')}
          </button>
        </div>
      ) : null}
      <div class="actions">
        <button type="submit" disabled={model.busy.value}>
          {t('contacts_save_contact')}
        </button>
        <button type="button" class="link" onClick={props.onCancel}>
          {t('contacts_cancel')}
        </button>
      </div>
    </form>
  );
}

/** The ids the contact has in each back office: capture and import find it by them. */
function BackOfficeIds(props: { model: ContactFormModel }) {
  const { model } = props;
  const ids = model.draft.value.externalIds;
  const typed = model.newId.value;
  return (
    <fieldset>
      <legend>{t('contacts_back_office_ids')}</legend>
      {ids.length === 0 ? <p class="muted">{t('contacts_no_ids')}</p> : null}
      <ul class="plain">
        {ids.map((id) => (
          <li key={externalKey(id)}>
            {externalLabel(id)} {id.origin ? <span class="muted">({id.origin})</span> : null}{' '}
            <button type="button" class="link" onClick={() => model.removeExternalId(id)}>
              {t('contacts_remove_id', externalLabel(id))}
            </button>
          </li>
        ))}
      </ul>
      <div class="form-grid">
        <label>
          {t('contacts_back_office')}
          <input
            value={typed.backOffice}
            maxLength={60}
            onInput={(event) => (model.newId.value = { ...typed, backOffice: event.currentTarget.value })}
          />
        </label>
        <label>
          {t('contacts_back_office_id')}
          <input
            value={typed.id}
            maxLength={100}
            onInput={(event) => (model.newId.value = { ...typed, id: event.currentTarget.value })}
          />
        </label>
      </div>
      <button type="button" onClick={model.addExternalId}>
        {t('contacts_add_id')}
      </button>
    </fieldset>
  );
}
