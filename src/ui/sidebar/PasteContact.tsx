import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import type { PasteContactModel } from './paste-contact-model';

/**
 * `Paste a contact`: a vCard or the contact's details as text, read into the contact form by
 * `Read contact`. What is pasted is shown back only as the textarea's own value.
 */
export function PasteContact(props: { model: PasteContactModel }) {
  const { model } = props;
  return (
    <form
      class="paste-contact"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void model.read();
      }}
    >
      <label>
        {t('sidebar_paste_contact')}
        <textarea
          rows={3}
          spellcheck={false}
          aria-describedby="paste-contact-hint"
          aria-invalid={model.problem.value ? true : undefined}
          value={model.text.value}
          onInput={(event) => model.edit(event.currentTarget.value)}
        />
      </label>
      <p id="paste-contact-hint" class="muted">
        {t('sidebar_paste_hint')}
      </p>
      <ErrorMessage message={model.problem.value} />
      <button type="submit" class="secondary">
        {t('sidebar_read_contact')}
      </button>
    </form>
  );
}
