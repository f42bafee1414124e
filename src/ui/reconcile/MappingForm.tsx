import { useLayoutEffect, useRef } from 'preact/hooks';
import { ORDER_EXPORT_FIELDS, type DateOrder } from '../../domain/back-office-order';
import { t } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
import { SelectField } from '../SelectField';
import { reconcileFileButton, useFocusHandoff } from './focus-handoff';
import { columnLabel, DATE_ORDER_LABELS, type MappingForm as MappingFormModel } from './mapping-form';

/**
 * The `Columns` form for a file Tally does not know: which column fills each field, the back
 * office it comes from, its date format and currency, with the file's first rows to check against.
 */
export function MappingForm(props: { form: MappingFormModel; onConfirm: () => void; onCancel: () => void }) {
  const { form } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  // The form appears below the file button once the file is read: the user's next step is here.
  useLayoutEffect(() => heading.current?.focus(), []);
  // Confirmed or cancelled, it goes away: back to the file button, not the top of the page.
  const ref = useFocusHandoff<HTMLFormElement>((form) => [reconcileFileButton(form)]);
  const layout = form.layout.value;
  const { header } = form.file;
  const problem = form.problem.value;
  return (
    <form
      ref={ref}
      class="reconcile-mapping"
      aria-labelledby="reconcile-mapping-heading"
      onSubmit={(event) => {
        event.preventDefault();
        props.onConfirm();
      }}
    >
      <h4 id="reconcile-mapping-heading" ref={heading} tabIndex={-1}>
        {t('reconcile_mapping_heading', form.file.fileName)}
      </h4>
      <p class="muted">{t('reconcile_mapping_remembered')}</p>
      <fieldset class="column-mapping">
        <legend>{t('reconcile_mapping_columns')}</legend>
        <div class="form-grid">
          {ORDER_EXPORT_FIELDS.map((field) => (
            <SelectField
              key={field}
              label={columnLabel(field)}
              value={String(layout.columns[field] ?? '')}
              onChange={(value) => form.setColumn(field, value === '' ? null : Number(value))}
            >
              <option value="">{t('reconcile_mapping_not_in_file')}</option>
              {header.map((name, index) => (
                <option key={index} value={String(index)}>
                  {name || unnamedColumn(index)}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </fieldset>
      <div class="form-grid">
        <label>
          {t('reconcile_mapping_back_office')}
          <input
            type="text"
            value={layout.backOffice}
            aria-describedby="reconcile-back-office-hint"
            onInput={(event) => form.setBackOffice(event.currentTarget.value)}
          />
        </label>
        <SelectField
          label={t('reconcile_mapping_date_format')}
          value={layout.dateOrder}
          onChange={(value) => form.setDateOrder(value as DateOrder)}
        >
          {Object.entries(DATE_ORDER_LABELS).map(([order, label]) => (
            <option key={order} value={order}>
              {label}
            </option>
          ))}
        </SelectField>
        {layout.columns.currency === undefined ? (
          <label>
            {t('reconcile_mapping_currency')}
            <input
              type="text"
              maxLength={3}
              value={layout.defaultCurrency}
              onInput={(event) => form.setCurrency(event.currentTarget.value)}
            />
          </label>
        ) : null}
      </div>
      <p id="reconcile-back-office-hint" class="muted">
        {t('reconcile_mapping_back_office_hint')}
      </p>
      <Preview header={header} rows={form.file.preview} />
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}
      <div class="actions">
        {/* Not disabled while busy (a disabled button loses the focus): confirming twice is ignored. */}
        <button type="submit">{t('reconcile_mapping_confirm')}</button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t('reconcile_mapping_cancel')}
        </button>
      </div>
    </form>
  );
}

/** A column the header leaves unnamed, by its place: "Column 3". */
function unnamedColumn(index: number): string {
  return t('reconcile_mapping_unnamed_column', formatCount(index + 1));
}

function Preview(props: { header: string[]; rows: string[][] }) {
  const { header } = props;
  // The preview may start with the header itself; it is shown once, as the table's head.
  const first = props.rows[0];
  const rows =
    first && first.length === header.length && first.every((cell, index) => cell === header[index])
      ? props.rows.slice(1)
      : props.rows;
  return (
    <div class="table-scroll">
      <table aria-label={t('reconcile_mapping_preview')}>
        <thead>
          <tr>
            {header.map((name, index) => (
              <th key={index} scope="col">
                {name || unnamedColumn(index)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {header.map((_, index) => (
                <td key={index}>{row[index] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
