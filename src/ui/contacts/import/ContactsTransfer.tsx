import { CONTACT_COLUMN_FIELDS, contactColumnLabel } from '../../../csv/contacts-columns';
import type { ContactImportPlan } from '../../../domain/contact-import-plan';
import { t, tPlural } from '../../../domain/i18n';
import { formatCount, formatInstant } from '../../../domain/locale-format';
import { ErrorMessage } from '../../ErrorMessage';
import { FileButton } from '../../FileButton';
import { SelectField } from '../../SelectField';
import { StatusMessage } from '../../StatusMessage';
import { describeChanges } from './describe-changes';
import { contactsToWrite, type ContactsTransferModel, type DryRun } from './contacts-transfer-model';

// Long lists scroll inside the card. Created and updated contacts are listed up to a point (a
// 10,000-row file would make a page of names); rejected rows up to a larger one, since each
// needs fixing.
const scrolling = { maxHeight: '16rem', overflowY: 'auto' } as const;
const LISTED = 200;
const REJECTED_LISTED = 1000;

/** `Export contacts` and `Import contacts`, with the import's dry run and `Undo import`. */
export function ContactsTransfer(props: { model: ContactsTransferModel }) {
  const { model } = props;
  const dryRun = model.dryRun.value;
  const progress = model.progress.value;
  const last = model.lastImport.value;
  return (
    <section aria-labelledby="contacts-transfer-heading" class="contacts-transfer">
      <h3 id="contacts-transfer-heading">{t('contacts_import_and_export')}</h3>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={model.busy.value}
          onClick={() => void model.exportContacts()}
        >
          {t('contacts_export_contacts')}
        </button>
        <FileButton
          accept=".csv,.txt,text/csv,text/plain"
          class="secondary"
          disabled={model.busy.value}
          onFile={(file) => void model.chooseFile(file)}
        >
          {t('contacts_import_contacts')}
        </FileButton>
      </div>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      {progress ? (
        <p class="import-progress">
          <progress aria-label={t('contacts_importing')} max={progress.total} value={progress.written} />{' '}
          {t('contacts_written', formatCount(progress.written), formatCount(progress.total))}
        </p>
      ) : null}
      {dryRun ? <DryRunView model={model} dryRun={dryRun} /> : null}
      {last && !dryRun ? (
        <p class="last-import">
          {t(
            'contacts_last_import',
            last.fileName,
            formatInstant(last.createdAt),
            formatCount(last.counts.created),
            formatCount(last.counts.updated),
          )}{' '}
          <button
            type="button"
            class="secondary"
            disabled={model.busy.value}
            onClick={() => void model.undoImport()}
          >
            {t('contacts_undo_import')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function DryRunView(props: { model: ContactsTransferModel; dryRun: DryRun }) {
  const { model, dryRun } = props;
  const toWrite = contactsToWrite(dryRun.plan);
  return (
    <section aria-labelledby="contacts-dry-run-heading" class="preview">
      <h4 id="contacts-dry-run-heading">{t('contacts_dry_run', dryRun.fileName)}</h4>
      {dryRun.refreshed ? <p class="notice">{t('contacts_dry_run_refreshed')}</p> : null}
      {dryRun.encodingNote ? <p class="muted">{dryRun.encodingNote}</p> : null}
      {dryRun.importedBefore ? (
        <p class="muted">{t('contacts_imported_before', formatInstant(dryRun.importedBefore))}</p>
      ) : null}
      <ColumnMapping model={model} dryRun={dryRun} />
      {dryRun.columnsProblem ? (
        <p role="alert" class="error">
          {dryRun.columnsProblem}
        </p>
      ) : dryRun.plan ? (
        <PlanSummary plan={dryRun.plan} />
      ) : (
        <p class="muted">{t('contacts_checking_rows')}</p>
      )}
      {dryRun.plan && toWrite === 0 ? <p>{t('contacts_nothing_to_import')}</p> : null}
      <div class="actions">
        {toWrite > 0 ? (
          <button type="button" disabled={model.busy.value} onClick={() => void model.applyImport()}>
            {t('contacts_apply_import')}
          </button>
        ) : null}
        <button type="button" class="secondary" disabled={model.busy.value} onClick={model.cancelImport}>
          {t('contacts_cancel')}
        </button>
      </div>
    </section>
  );
}

/** Each field with the file's column that fills it; changing one runs the dry run again. */
function ColumnMapping(props: { model: ContactsTransferModel; dryRun: DryRun }) {
  const { model, dryRun } = props;
  const { header } = dryRun.file.table;
  return (
    <fieldset class="column-mapping">
      <legend>{t('contacts_columns')}</legend>
      <p class="muted">{t('contacts_columns_hint')}</p>
      <div class="form-grid">
        {CONTACT_COLUMN_FIELDS.map((field) => (
          <SelectField
            key={field}
            label={contactColumnLabel(field)}
            value={String(dryRun.file.columns[field]?.index ?? '')}
            onChange={(value) => void model.setColumn(field, value === '' ? null : Number(value))}
          >
            <option value="">{t('contacts_not_imported')}</option>
            {header.map((name, index) => (
              <option key={index} value={String(index)}>
                {name || t('contacts_column_number', formatCount(index + 1))}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
    </fieldset>
  );
}

function PlanSummary(props: { plan: ContactImportPlan }) {
  const { created, updated, unchanged, rejected } = props.plan;
  return (
    <>
      <p role="status" class="dry-run-counts">
        {t(
          'contacts_plan_counts',
          formatCount(created.length),
          formatCount(updated.length),
          formatCount(unchanged.length),
          formatCount(rejected.length),
        )}
      </p>
      {updated.length > 0 ? (
        <>
          <h5 id="contacts-to-update-heading">{t('contacts_to_update')}</h5>
          <ul aria-labelledby="contacts-to-update-heading" tabIndex={0} style={scrolling}>
            {updated.slice(0, LISTED).map((row) => (
              <li key={row.line}>
                {t('contacts_update_line', String(row.line), row.before.name, describeChanges(row.changes))}
              </li>
            ))}
          </ul>
          <More shown={LISTED} total={updated.length} />
        </>
      ) : null}
      {created.length > 0 ? (
        <>
          <h5 id="contacts-to-create-heading">{t('contacts_to_create')}</h5>
          <ul aria-labelledby="contacts-to-create-heading" tabIndex={0} style={scrolling}>
            {created.slice(0, LISTED).map((row) => (
              <li key={row.line}>{t('contacts_row_line', String(row.line), row.contact.name)}</li>
            ))}
          </ul>
          <More shown={LISTED} total={created.length} />
        </>
      ) : null}
      {rejected.length > 0 ? (
        <>
          <h5 id="contacts-rejected-heading">{tPlural('contacts_rejected_heading', rejected.length)}</h5>
          <ul aria-label={t('contacts_rejected_rows')} tabIndex={0} style={scrolling}>
            {rejected.slice(0, REJECTED_LISTED).map((row) => (
              <li key={row.line}>{t('contacts_row_line', String(row.line), row.reason)}</li>
            ))}
          </ul>
          <More shown={REJECTED_LISTED} total={rejected.length} />
        </>
      ) : null}
    </>
  );
}

function More(props: { shown: number; total: number }) {
  const more = props.total - props.shown;
  return more > 0 ? <p class="muted">{t('contacts_more', formatCount(more))}</p> : null;
}
