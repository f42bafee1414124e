import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { FORM_FIELDS, type ContactFormModel } from './contact-form-model';

/** The contact to confirm or complete; submitting is the capture. Page text stays text. */
export function ContactForm(props: {
  model: ContactFormModel;
  heading: string;
  hint: string;
  onCapture: () => void;
}) {
  const { model } = props;
  return (
    <form
      class="card"
      aria-labelledby="contact-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        props.onCapture();
      }}
    >
      <h2 id="contact-form-heading">{props.heading}</h2>
      <p class="muted">{props.hint}</p>
      {FORM_FIELDS.map(({ field, label, inputMode }) => (
        <label key={field} class="field">
          {label()}
          <input
            // Checked by Tally's own parser, which names the field, not by the browser.
            type="text"
            inputMode={inputMode}
            value={model.values[field].value}
            onInput={(event) => {
              model.values[field].value = event.currentTarget.value;
            }}
            required={field === 'name'}
          />
        </label>
      ))}
      <ErrorMessage message={model.problem.value} />
      <button type="submit">{t('sidebar_capture_contact')}</button>
    </form>
  );
}
