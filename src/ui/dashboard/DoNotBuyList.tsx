import { t, tPlural } from '../../domain/i18n';
import { formatInstantDate } from '../../domain/locale-format';
import { ErrorMessage } from '../ErrorMessage';
import { StatusMessage } from '../StatusMessage';
import { FileButton } from '../FileButton';
import type { DoNotBuyImportRejection, DoNotBuyModel } from './do-not-buy-model';

// A long list scrolls inside the card; every line stays there for the user to read.
const scrolling = { maxHeight: '16rem', overflowY: 'auto' } as const;

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
      <h2 id="do-not-buy-heading">{t('dashboard_do_not_buy_list')}</h2>
      <p class="muted">{t('dashboard_do_not_buy_about')}</p>
      <form
        class="inline"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void model.add();
        }}
      >
        <label>
          {t('dashboard_serial_or_imei')}
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
          {t('dashboard_reason')}
          <input
            type="text"
            value={model.reason.value}
            aria-invalid={formError ? true : undefined}
            aria-describedby={formError ? 'do-not-buy-form-error' : undefined}
            onInput={(event) => model.setReason(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={model.busy.value}>
          {t('dashboard_add_to_do_not_buy')}
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
          {t('dashboard_import_do_not_buy')}
        </FileButton>
        <span class="muted">{t('dashboard_do_not_buy_file_hint')}</span>
      </div>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      {rejected ? <RejectedImport rejection={rejected} /> : null}
      {entries.length === 0 ? (
        <p class="muted">{t('dashboard_do_not_buy_empty')}</p>
      ) : (
        <table aria-labelledby="do-not-buy-heading">
          <thead>
            <tr>
              <th scope="col">{t('dashboard_serial_imei')}</th>
              <th scope="col">{t('dashboard_reason')}</th>
              <th scope="col">{t('dashboard_added')}</th>
              <th scope="col">
                <span class="muted">{t('dashboard_actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.serial}</td>
                <td>{entry.reason}</td>
                <td>
                  <time dateTime={entry.updatedAt}>{formatInstantDate(entry.updatedAt)}</time>
                </td>
                <td>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t('dashboard_remove_named', entry.serial)}
                    disabled={model.busy.value}
                    onClick={() => void model.remove(entry.id)}
                  >
                    {t('dashboard_remove')}
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
      <p>{tPlural('dashboard_do_not_buy_rejected', rejected.length, fileName)}</p>
      <ul aria-label={t('dashboard_lines_not_imported')} tabIndex={0} style={scrolling}>
        {rejected.map((row) => (
          <li key={row.line}>{t('dashboard_row_line', String(row.line), row.reason)}</li>
        ))}
      </ul>
    </div>
  );
}
