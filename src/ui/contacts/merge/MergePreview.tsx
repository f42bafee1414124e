import type { MergeSource } from '../../../domain/contact-merge';
import { t } from '../../../domain/i18n';
import { ErrorMessage } from '../../ErrorMessage';
import type { DuplicatesModel } from './duplicates-model';

/** Where each result comes from, said without names (the two may share one). */
function sourceNote(source: Exclude<MergeSource, 'none'>): string {
  switch (source) {
    case 'survivor':
      return t('contacts_source_kept');
    case 'merged':
      return t('contacts_source_filled_in');
    case 'both':
      return t('contacts_source_combined');
  }
}

/**
 * The result of merging the pair under review, field by field, before anything is written: which
 * contact stays (the user may swap), each field in both and in the result, and what moves.
 */
export function MergePreview(props: { model: DuplicatesModel }) {
  const { model } = props;
  const preview = model.preview.value;
  if (!preview) return null;
  const { contacts, labels, survivor, rows, problem, moving } = preview;
  const busy = model.busy.value;
  const [survivorLabel, mergedLabel] = contacts[0] === survivor ? labels : [labels[1], labels[0]];
  return (
    <div class="merge-preview" role="group" aria-labelledby="merge-preview-heading">
      <h3 id="merge-preview-heading">{t('contacts_merge_preview')}</h3>
      <fieldset>
        <legend>{t('contacts_which_stays')}</legend>
        {contacts.map((contact, index) => (
          <label class="inline" key={contact.id}>
            <input
              type="radio"
              name="merge-survivor"
              checked={contact.id === survivor.id}
              onChange={() => model.keep(contact.id)}
            />
            {t('contacts_keep', labels[index] ?? '')}
          </label>
        ))}
      </fieldset>
      <table aria-labelledby="merge-preview-heading">
        <thead>
          <tr>
            <th scope="col">{t('contacts_field')}</th>
            {contacts.map((contact, index) => (
              <th scope="col" key={contact.id}>
                {labels[index]}
                {contact.id === survivor.id ? <span class="muted"> {t('contacts_stays')}</span> : null}
              </th>
            ))}
            <th scope="col">{t('contacts_result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row">{row.label}</th>
              <td class="merge-value">{row.values[0]}</td>
              <td class="merge-value">{row.values[1]}</td>
              <td class="merge-value">
                {row.result}
                {row.source === 'none' ? null : <span class="muted"> ({sourceNote(row.source)})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('contacts_merge_moves', mergedLabel ?? '', survivorLabel ?? '', moving)}</p>
      <ErrorMessage message={problem} />
      <div class="actions">
        <button type="button" disabled={busy || problem !== null} onClick={() => void model.merge()}>
          {t('contacts_merge_contacts')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => model.cancel()}>
          {t('contacts_cancel')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => void model.dismiss()}>
          {t('contacts_not_duplicates')}
        </button>
      </div>
    </div>
  );
}
