import { ErrorMessage } from '../ErrorMessage';
import { StatusMessage } from '../StatusMessage';
import { FileButton } from '../FileButton';
import type { DoNotBuyImportRejection, DoNotBuyModel } from './do-not-buy-model';

// A long list scrolls inside the card; every line stays there for the user to read.
const scrolling = { maxHeight: '16rem', overflowY: 'auto' } as const;

const addedOn = (instant: string) => new Date(instant).toLocaleDateString();

/** Serials and IMEIs the shop must not buy: a payout of one of them is blocked, with the reason. */
export function DoNotBuyList(props: { model: DoNotBuyModel }) {
  const { model } = props;
  const entries = model.entries.value;
  const formError = model.formError.value;
  const warning = model.serialWarning.value;
  const rejected = model.rejectedImport.value;
  const serialNotes = [formError ? 'do-not-buy-form-error' : '', warning ? 'do-not-buy-serial-warning' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <section aria-labelledby="do-not-buy-heading" class="card">
      <h2 id="do-not-buy-heading">Do-not-buy list</h2>
      <p class="muted">
        Devices reported stolen or blacklisted. A buy-back with one of them cannot be paid out without a typed
        reason.
      </p>
      <form
        class="inline"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void model.add();
        }}
      >
        <label>
          Serial or IMEI
          <input
            type="text"
            autoComplete="off"
            spellcheck={false}
            value={model.serial.value}
            aria-invalid={formError ? true : undefined}
            aria-describedby={serialNotes || undefined}
            onInput={(event) => model.setSerial(event.currentTarget.value)}
          />
        </label>
        <label>
          Reason
          <input
            type="text"
            value={model.reason.value}
            aria-invalid={formError ? true : undefined}
            aria-describedby={formError ? 'do-not-buy-form-error' : undefined}
            onInput={(event) => model.setReason(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={model.busy.value}>
          Add to do-not-buy list
        </button>
      </form>
      {warning ? (
        <p id="do-not-buy-serial-warning" class="muted">
          {warning}
        </p>
      ) : null}
      {formError ? (
        <p id="do-not-buy-form-error" role="alert" class="error">
          {formError}
        </p>
      ) : null}
      <div class="actions">
        <FileButton
          accept=".csv,text/csv"
          class="secondary"
          disabled={model.busy.value}
          onFile={(file) => void model.importFile(file)}
        >
          Import do-not-buy list
        </FileButton>
        <span class="muted">A CSV file with the columns Serial and Reason.</span>
      </div>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      {rejected ? <RejectedImport rejection={rejected} /> : null}
      {entries.length === 0 ? (
        <p class="muted">The do-not-buy list is empty.</p>
      ) : (
        <table aria-labelledby="do-not-buy-heading">
          <thead>
            <tr>
              <th scope="col">Serial / IMEI</th>
              <th scope="col">Reason</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span class="muted">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.serial}</td>
                <td>{entry.reason}</td>
                <td>
                  <time dateTime={entry.updatedAt}>{addedOn(entry.updatedAt)}</time>
                </td>
                <td>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={`Remove ${entry.serial}`}
                    disabled={model.busy.value}
                    onClick={() => void model.remove(entry.id)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RejectedImport(props: { rejection: DoNotBuyImportRejection }) {
  const { fileName, rejected } = props.rejection;
  return (
    <div role="alert" class="error">
      <p>
        Nothing was imported from {fileName}:{' '}
        {rejected.length === 1 ? 'one line is' : `${rejected.length} lines are`} wrong. Fix{' '}
        {rejected.length === 1 ? 'it' : 'them'} and import the file again.
      </p>
      <ul aria-label="Lines not imported" tabIndex={0} style={scrolling}>
        {rejected.map((row) => (
          <li key={row.line}>
            Line {row.line}: {row.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
