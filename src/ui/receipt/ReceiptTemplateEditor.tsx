import { RECEIPT_FIELD_LABELS, RECEIPT_OPTIONAL_FIELDS } from '../../domain/receipt-template';
import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { FileButton } from '../FileButton';
import { ReceiptPreview } from './ReceiptPreview';
import { receiptTextLabel, type ReceiptTemplateModel, type ReceiptTextField } from './receipt-template-model';

/**
 * The shop's purchase receipt: its details, logo, terms and which optional parts it prints,
 * beside a preview of a sample receipt that follows every keystroke.
 */
export function ReceiptTemplateEditor(props: { model: ReceiptTemplateModel }) {
  const { model } = props;
  const draft = model.draft.value;
  const logoError = model.errors.value.logo;
  return (
    <section aria-labelledby="receipt-template-heading" class="card">
      <h2 id="receipt-template-heading">{t('receipt_template_heading')}</h2>
      <div class="receipt-editor">
        <form
          class="receipt-template-form"
          onSubmit={(event) => {
            event.preventDefault();
            void model.save();
          }}
        >
          <TextField model={model} field="shopName" />
          <TextField model={model} field="address" multiline rows={3} />
          <fieldset
            class="receipt-logo-field"
            aria-describedby={logoError ? 'receipt-logo-error' : undefined}
          >
            <legend>{t('receipt_logo')}</legend>
            {draft.logo ? (
              <img src={draft.logo} alt={t('receipt_current_logo')} class="receipt-logo" />
            ) : (
              <p class="muted">{t('receipt_no_logo')}</p>
            )}
            <div class="row-actions">
              <FileButton
                accept="image/png,image/jpeg"
                class="secondary"
                onFile={(file) => void model.setLogo(file)}
              >
                {t('receipt_choose_logo')}
              </FileButton>
              {draft.logo ? (
                <button type="button" class="secondary" onClick={() => model.removeLogo()}>
                  {t('receipt_remove_logo')}
                </button>
              ) : null}
            </div>
            {logoError ? (
              <p id="receipt-logo-error" role="alert" class="error">
                {logoError}
              </p>
            ) : null}
          </fieldset>
          <TextField model={model} field="terms" multiline rows={5} />
          <fieldset class="receipt-options">
            <legend>{t('receipt_show_on_receipt')}</legend>
            {RECEIPT_OPTIONAL_FIELDS.map((field) => (
              <label key={field}>
                <input
                  type="checkbox"
                  checked={draft.show[field]}
                  onChange={(event) => model.setShown(field, event.currentTarget.checked)}
                />
                {RECEIPT_FIELD_LABELS[field]}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={model.saving.value}>
            {t('receipt_save_template')}
          </button>
          {model.status.value ? <p role="status">{model.status.value}</p> : null}
          <ErrorMessage message={model.error.value} />
        </form>
        <ReceiptPreview layout={model.preview.value} />
      </div>
    </section>
  );
}

/** A text field whose message, when it has one, is read with it (aria-describedby). */
function TextField(props: {
  model: ReceiptTemplateModel;
  field: ReceiptTextField;
  multiline?: boolean;
  rows?: number;
}) {
  const { model, field } = props;
  const error = model.errors.value[field];
  const errorId = `receipt-${field}-error`;
  const common = {
    value: model.draft.value[field],
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? errorId : undefined,
  };
  return (
    <div>
      <label>
        {receiptTextLabel(field)}
        {props.multiline ? (
          <textarea
            {...common}
            rows={props.rows}
            onInput={(event) => model.edit(field, event.currentTarget.value)}
          />
        ) : (
          <input {...common} type="text" onInput={(event) => model.edit(field, event.currentTarget.value)} />
        )}
      </label>
      {error ? (
        <p id={errorId} class="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
