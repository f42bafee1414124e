import { t, tPlural, uiLanguage } from '../../domain/i18n';
import { formatCount, formatInstant } from '../../domain/locale-format';
import type { RestoreModel, RestorePreview as Preview } from './restore-model';
import { previewLines } from './table-labels';

/** A size people read: "48 kB", "3.2 MB", in the user's language. */
function formatSize(bytes: number): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(uiLanguage(), {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bytes / (megabytes ? 1024 * 1024 : 1024));
}

/**
 * What a backup holds, table by table against what is here, before anything is written; then the
 * choice of `Restore into empty profile` (only when Tally holds no records) or `Merge`, and
 * `Confirm restore`. Every value is rendered as text: a backup is as untrusted as any file.
 */
export function RestorePreview(props: { model: RestoreModel; preview: Preview }) {
  const { model, preview } = props;
  const { plan } = preview;
  const mode = model.mode.value;
  const busy = model.busy.value;
  return (
    <section aria-labelledby="restore-preview-heading" class="preview">
      <h3 id="restore-preview-heading">{t('backup_preview_heading', preview.fileName)}</h3>
      <p>
        {t('backup_preview_made', formatInstant(plan.createdAt), preview.contents.manifest.appVersion)}
        {plan.upgradedFrom === undefined
          ? null
          : ` ${t('backup_preview_upgraded', String(plan.upgradedFrom))}`}
      </p>
      <p>
        {t(
          'backup_preview_attachments',
          formatCount(plan.attachments.count),
          formatSize(plan.attachments.bytes),
        )}
      </p>
      <table>
        <caption>{t('backup_preview_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backup_col_what')}</th>
            <th scope="col">{t('backup_col_rows')}</th>
            <th scope="col">{t('backup_col_new')}</th>
            <th scope="col">{t('backup_col_identical')}</th>
            <th scope="col">{t('backup_col_newer_here')}</th>
            <th scope="col">{t('backup_col_newer_in_file')}</th>
          </tr>
        </thead>
        <tbody>
          {previewLines(plan.tables).map((line) => (
            <tr key={line.key}>
              <th scope="row">{line.label}</th>
              <td>{formatCount(line.rows)}</td>
              <td>{formatCount(line.added)}</td>
              <td>{formatCount(line.identical)}</td>
              <td>{formatCount(line.newerHere)}</td>
              <td>{formatCount(line.newerInFile)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MergeNotes plan={plan} />
      <div class="actions" role="group" aria-label={t('backup_preview_how')}>
        <button
          type="button"
          class={mode === 'empty' ? undefined : 'secondary'}
          aria-pressed={mode === 'empty'}
          disabled={busy || !plan.profileEmpty}
          aria-describedby={plan.profileEmpty ? undefined : 'restore-not-empty'}
          onClick={() => model.choose('empty')}
        >
          {t('backup_into_empty')}
        </button>
        <button
          type="button"
          class={mode === 'merge' ? undefined : 'secondary'}
          aria-pressed={mode === 'merge'}
          disabled={busy}
          onClick={() => model.choose('merge')}
        >
          {t('backup_merge')}
        </button>
      </div>
      {plan.profileEmpty ? null : (
        <p id="restore-not-empty" class="muted">
          {t('backup_not_empty_hint')}
        </p>
      )}
      {mode ? (
        <p class="notice">{mode === 'empty' ? t('backup_explain_empty') : t('backup_explain_merge')}</p>
      ) : null}
      <div class="actions">
        <button type="button" disabled={busy || !mode} onClick={() => void model.confirm()}>
          {t('backup_confirm')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={model.cancel}>
          {t('common_cancel')}
        </button>
      </div>
    </section>
  );
}

/**
 * What Merge will not do as plainly as "add what is missing": rows kept out because a unique value
 * (a SKU) is another row's here, contacts that look like one here under another id (added, to be
 * merged from the duplicates list), a reconcile job's working rows left to the job held here.
 */
function MergeNotes(props: { plan: Preview['plan'] }) {
  const total = (count: (table: Preview['plan']['tables'][number]) => number) =>
    props.plan.tables.reduce((sum, table) => sum + count(table), 0);
  const notes = [
    [total((table) => table.lookAlike), 'backup_preview_look_alike'],
    [total((table) => table.heldElsewhere), 'backup_preview_held_elsewhere'],
    [total((table) => table.notRestored), 'backup_preview_not_restored'],
  ] as const;
  const shown = notes.filter(([count]) => count > 0);
  if (shown.length === 0) return null;
  return (
    <ul class="notice">
      {shown.map(([count, base]) => (
        <li key={base}>{tPlural(base, count)}</li>
      ))}
    </ul>
  );
}
