import { ADDRESS_FIELDS, ADDRESS_LABELS, CONTACT_TEXT_LIMITS, type ContactRole } from '../../domain/contact';
import { externalKey, externalLabel } from '../../domain/contact-keys';
import { ErrorMessage } from '../ErrorMessage';
import { FieldProblem, invalidProps } from '../FieldProblem';
import { SelectField } from '../SelectField';
import { contactHref } from './address';
import type { ContactDraft, ContactFormModel } from './contact-form-model';

export const ROLE_LABELS: Record<ContactRole, string> = {
  customer: 'Customer',
  supplier: 'Supplier',
  both: 'Customer and supplier',
};

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
      aria-label={model.editing ? 'Edit contact' : 'New contact'}
      onSubmit={(event) => {
        event.preventDefault();
        void model.save();
      }}
    >
      <div class="form-grid">
        {text('name', 'Name', CONTACT_TEXT_LIMITS.name)}
        {text('company', 'Company', CONTACT_TEXT_LIMITS.company)}
        {text('email', 'Email', 320, 'email')}
        {text('phone', 'Phone', CONTACT_TEXT_LIMITS.phone, 'tel')}
        <SelectField
          label="Role"
          value={draft.role}
          onChange={(value) => model.update({ role: value as ContactRole })}
        >
          {Object.entries(ROLE_LABELS).map(([role, label]) => (
            <option key={role} value={role}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset class="form-grid">
        <legend>Address</legend>
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
        Tags <span class="muted">(separated by commas)</span>
        <input
          value={draft.tags}
          {...invalidProps('contact-tags-problem', problems.tags)}
          onInput={(event) => model.update({ tags: event.currentTarget.value })}
        />
      </label>
      <FieldProblem id="contact-tags-problem" text={problems.tags} />
      <label>
        Notes
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
            {sameAs.contact.name} already has this {sameAs.same}.{' '}
            <a href={contactHref(sameAs.contact.id)}>Open {sameAs.contact.name}</a>
          </p>
          <button type="button" disabled={model.busy.value} onClick={() => void model.save(true)}>
            Add anyway
          </button>
        </div>
      ) : null}
      <div class="actions">
        <button type="submit" disabled={model.busy.value}>
          Save contact
        </button>
        <button type="button" class="link" onClick={props.onCancel}>
          Cancel
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
      <legend>Back-office IDs</legend>
      {ids.length === 0 ? <p class="muted">None yet.</p> : null}
      <ul class="plain">
        {ids.map((id) => (
          <li key={externalKey(id)}>
            {externalLabel(id)} {id.origin ? <span class="muted">({id.origin})</span> : null}{' '}
            <button type="button" class="link" onClick={() => model.removeExternalId(id)}>
              Remove {externalLabel(id)}
            </button>
          </li>
        ))}
      </ul>
      <div class="form-grid">
        <label>
          Back office
          <input
            value={typed.backOffice}
            maxLength={60}
            onInput={(event) => (model.newId.value = { ...typed, backOffice: event.currentTarget.value })}
          />
        </label>
        <label>
          Back-office ID
          <input
            value={typed.id}
            maxLength={100}
            onInput={(event) => (model.newId.value = { ...typed, id: event.currentTarget.value })}
          />
        </label>
      </div>
      <button type="button" onClick={model.addExternalId}>
        Add ID
      </button>
    </fieldset>
  );
}
