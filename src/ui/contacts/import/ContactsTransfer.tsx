import { CONTACT_COLUMN_FIELDS, CONTACT_COLUMN_LABELS } from '../../../csv/contacts-columns';
import type { ContactImportPlan } from '../../../domain/contact-import-plan';
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
      <h3 id="contacts-transfer-heading">Import and export</h3>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={model.busy.value}
          onClick={() => void model.exportContacts()}
        >
          Export contacts
        </button>
        <FileButton
          accept=".csv,.txt,text/csv,text/plain"
          class="secondary"
          disabled={model.busy.value}
          onFile={(file) => void model.chooseFile(file)}
        >
          Import contacts
        </FileButton>
      </div>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      {progress ? (
        <p class="import-progress">
          <progress aria-label="Importing contacts" max={progress.total} value={progress.written} />{' '}
          {progress.written.toLocaleString('en')} of {progress.total.toLocaleString('en')} written
        </p>
      ) : null}
      {dryRun ? <DryRunView model={model} dryRun={dryRun} /> : null}
      {last && !dryRun ? (
        <p class="last-import">
          Last import: {last.fileName}, {new Date(last.createdAt).toLocaleString()} — {last.counts.created}{' '}
          created, {last.counts.updated} updated.{' '}
          <button
            type="button"
            class="secondary"
            disabled={model.busy.value}
            onClick={() => void model.undoImport()}
          >
            Undo import
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
      <h4 id="contacts-dry-run-heading">Dry run: {dryRun.fileName}</h4>
      {dryRun.refreshed ? (
        <p class="notice">
          Contacts changed since the first dry run (a capture or an edit meanwhile), so nothing was written.
          This is what importing does now.
        </p>
      ) : null}
      {dryRun.encodingNote ? <p class="muted">{dryRun.encodingNote}</p> : null}
      {dryRun.importedBefore ? (
        <p class="muted">
          This file was already imported on {new Date(dryRun.importedBefore).toLocaleString()}.
        </p>
      ) : null}
      <ColumnMapping model={model} dryRun={dryRun} />
      {dryRun.columnsProblem ? (
        <p role="alert" class="error">
          {dryRun.columnsProblem}
        </p>
      ) : dryRun.plan ? (
        <PlanSummary plan={dryRun.plan} />
      ) : (
        <p class="muted">Checking the rows…</p>
      )}
      {dryRun.plan && toWrite === 0 ? (
        <p>Nothing to import: every contact in this file is already in Tally as it is.</p>
      ) : null}
      <div class="actions">
        {toWrite > 0 ? (
          <button type="button" disabled={model.busy.value} onClick={() => void model.applyImport()}>
            Apply import
          </button>
        ) : null}
        <button type="button" class="secondary" disabled={model.busy.value} onClick={model.cancelImport}>
          Cancel
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
      <legend>Columns</legend>
      <p class="muted">Which column of the file fills each field. Changing one checks the file again.</p>
      <div class="form-grid">
        {CONTACT_COLUMN_FIELDS.map((field) => (
          <SelectField
            key={field}
            label={CONTACT_COLUMN_LABELS[field]}
            value={String(dryRun.file.columns[field]?.index ?? '')}
            onChange={(value) => void model.setColumn(field, value === '' ? null : Number(value))}
          >
            <option value="">Not imported</option>
            {header.map((name, index) => (
              <option key={index} value={String(index)}>
                {name || `Column ${index + 1}`}
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
        {created.length} to create, {updated.length} to update, {unchanged.length} unchanged,{' '}
        {rejected.length} rejected.
      </p>
      {updated.length > 0 ? (
        <>
          <h5 id="contacts-to-update-heading">To update</h5>
          <ul aria-labelledby="contacts-to-update-heading" tabIndex={0} style={scrolling}>
            {updated.slice(0, LISTED).map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.before.name} — {describeChanges(row.changes)}
              </li>
            ))}
          </ul>
          <More shown={LISTED} total={updated.length} />
        </>
      ) : null}
      {created.length > 0 ? (
        <>
          <h5 id="contacts-to-create-heading">To create</h5>
          <ul aria-labelledby="contacts-to-create-heading" tabIndex={0} style={scrolling}>
            {created.slice(0, LISTED).map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.contact.name}
              </li>
            ))}
          </ul>
          <More shown={LISTED} total={created.length} />
        </>
      ) : null}
      {rejected.length > 0 ? (
        <>
          <h5 id="contacts-rejected-heading">
            Rejected rows: {rejected.length === 1 ? 'this row is' : 'these rows are'} not imported
          </h5>
          <ul aria-label="Rejected rows" tabIndex={0} style={scrolling}>
            {rejected.slice(0, REJECTED_LISTED).map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.reason}
              </li>
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
  return more > 0 ? <p class="muted">…and {more.toLocaleString('en')} more.</p> : null;
}
