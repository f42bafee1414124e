import { useLayoutEffect, useRef } from 'preact/hooks';
import { ORDER_EXPORT_FIELDS, type DateOrder } from '../../domain/back-office-order';
import { SelectField } from '../SelectField';
import { reconcileFileButton, useFocusHandoff } from './focus-handoff';
import { COLUMN_LABELS, DATE_ORDER_LABELS, type MappingForm as MappingFormModel } from './mapping-form';

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
        Which columns are which in {form.file.fileName}?
      </h4>
      <p class="muted">Tally remembers your answer for this back office&apos;s files with these columns.</p>
      <fieldset class="column-mapping">
        <legend>Columns</legend>
        <div class="form-grid">
          {ORDER_EXPORT_FIELDS.map((field) => (
            <SelectField
              key={field}
              label={COLUMN_LABELS[field]}
              value={String(layout.columns[field] ?? '')}
              onChange={(value) => form.setColumn(field, value === '' ? null : Number(value))}
            >
              <option value="">Not in file</option>
              {header.map((name, index) => (
                <option key={index} value={String(index)}>
                  {name || `Column ${index + 1}`}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </fieldset>
      <div class="form-grid">
        <label>
          Back office
          <input
            type="text"
            value={layout.backOffice}
            aria-describedby="reconcile-back-office-hint"
            onInput={(event) => form.setBackOffice(event.currentTarget.value)}
          />
        </label>
        <SelectField
          label="Date format"
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
            Currency
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
        Customer IDs in the file are matched with the contacts&apos; IDs from this back office:
        &quot;import&quot; for contacts imported from a CSV file.
      </p>
      <Preview header={header} rows={form.file.preview} />
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}
      <div class="actions">
        {/* Not disabled while busy (a disabled button loses the focus): confirming twice is ignored. */}
        <button type="submit">Confirm columns</button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
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
      <table aria-label="First rows of the file">
        <thead>
          <tr>
            {header.map((name, index) => (
              <th key={index} scope="col">
                {name || `Column ${index + 1}`}
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
