import { t, tPlural } from '../../../domain/i18n';
import { formatInstant } from '../../../domain/locale-format';
import { ErrorMessage } from '../../ErrorMessage';
import { StatusMessage } from '../../StatusMessage';
import type { DuplicatesModel } from './duplicates-model';
import { MergePreview } from './MergePreview';
import { aroundSlot, SLOT } from '../slot';

/** Likely duplicate contacts, each pair with a preview of merging it; the last merge can be undone. */
export function Duplicates(props: { model: DuplicatesModel }) {
  const { model } = props;
  const pairs = model.visiblePairs.value;
  const total = model.pairs.value.length;
  const busy = model.busy.value;
  return (
    <section aria-labelledby="duplicates-heading" class="card">
      <h2 id="duplicates-heading">{t('contacts_duplicates')}</h2>
      <ErrorMessage message={model.error.value} />
      {model.status.value ? (
        <div class="actions">
          <StatusMessage message={model.status.value} />
          {model.lastMerge.value ? (
            <button type="button" class="secondary" disabled={busy} onClick={() => void model.undo()}>
              {t('contacts_undo_merge')}
            </button>
          ) : null}
        </div>
      ) : null}
      <MergePreview model={model} />
      {total === 0 ? (
        <p class="muted">{t('contacts_no_duplicates')}</p>
      ) : (
        <>
          <p class="muted">{tPlural('contacts_pairs_look_alike', total)}</p>
          <ul class="plain duplicate-pairs">
            {pairs.map((pair, index) => (
              <li key={pair.key}>
                <span id={`duplicate-pair-${index}`}>{pair.text}</span>{' '}
                <button
                  type="button"
                  class="secondary"
                  aria-describedby={`duplicate-pair-${index}`}
                  disabled={busy}
                  onClick={() => void model.reviewCandidate(pair.key)}
                >
                  {t('contacts_review_merge')}
                </button>
              </li>
            ))}
          </ul>
          {pairs.length < total ? (
            <button type="button" class="secondary" onClick={() => model.showMore()}>
              {t('contacts_show_more_duplicates')}
            </button>
          ) : null}
        </>
      )}
      <RecentMerges model={model} />
    </section>
  );
}

/** The latest merges not undone, so that one can still be undone after the page was left. */
function RecentMerges(props: { model: DuplicatesModel }) {
  const { model } = props;
  const merges = model.merges.value;
  if (merges.length === 0) return null;
  return (
    <>
      <h3 id="recent-merges-heading">{t('contacts_recent_merges')}</h3>
      <ul class="plain" aria-labelledby="recent-merges-heading">
        {merges.map((merge) => {
          const [before, after] = aroundSlot(
            t('contacts_merged_on', merge.mergedBefore.name, merge.survivorBefore.name, SLOT),
          );
          return (
            <li key={merge.id}>
              <span id={`merge-${merge.id}`}>
                {before}
                <time dateTime={merge.createdAt}>{formatInstant(merge.createdAt)}</time>
                {after}
              </span>{' '}
              <button
                type="button"
                class="secondary"
                aria-describedby={`merge-${merge.id}`}
                disabled={model.busy.value}
                onClick={() => void model.undo(merge.id)}
              >
                {t('contacts_undo')}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
