import { t } from '../../domain/i18n';
import { PRODUCT_FORM_FIELDS, type ProductFormField, type ProductFormModel } from './product-form-model';

/**
 * The fields of a product form. A field to fix is marked invalid and its message is tied to it
 * (aria-describedby), so a screen reader reads the message with the field.
 */
export function ProductFields(props: {
  model: ProductFormModel;
  /** Makes the message ids unique on the page. */
  idPrefix: string;
  /** A field lost focus after a change: the capture view looks the SKU up again. */
  onCommit?: (field: ProductFormField) => void;
}) {
  const { model, idPrefix } = props;
  const errors = model.errors.value;
  return (
    <>
      {PRODUCT_FORM_FIELDS.map(({ field, label, inputMode }) => {
        const error = errors[field];
        const errorId = `${idPrefix}-${field}-error`;
        return (
          <div key={field}>
            <label class="field">
              {t(label)}
              <input
                // Checked by Tally's own reader, which says what to fix, not by the browser.
                type="text"
                inputMode={inputMode}
                autoCapitalize={field === 'currency' ? 'characters' : undefined}
                value={model.values[field].value}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? errorId : undefined}
                onInput={(event) => model.edit(field, event.currentTarget.value)}
                onChange={() => props.onCommit?.(field)}
              />
            </label>
            {error ? (
              <p id={errorId} class="error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
