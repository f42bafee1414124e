import { ErrorMessage } from '../../ErrorMessage';
import { StatusMessage } from '../../StatusMessage';
import type { DuplicatesModel } from './duplicates-model';
import { MergePreview } from './MergePreview';

/** Likely duplicate contacts, each pair with a preview of merging it; the last merge can be undone. */
export function Duplicates(props: { model: DuplicatesModel }) {
  const { model } = props;
  const pairs = model.visiblePairs.value;
  const total = model.pairs.value.length;
  const busy = model.busy.value;
  return (
    <section aria-labelledby="duplicates-heading" class="card">
      <h2 id="duplicates-heading">Duplicates</h2>
      <ErrorMessage message={model.error.value} />
      {model.status.value ? (
        <div class="actions">
          <StatusMessage message={model.status.value} />
          {model.lastMerge.value ? (
            <button type="button" class="secondary" disabled={busy} onClick={() => void model.undo()}>
              Undo merge
            </button>
          ) : null}
        </div>
      ) : null}
      <MergePreview model={model} />
      {total === 0 ? (
        <p class="muted">No likely duplicates.</p>
      ) : (
        <>
          <p class="muted">
            {total === 1 ? 'One pair looks' : `${total.toLocaleString('en')} pairs look`} like the same person
            (same email, same phone, or a very similar name and company).
          </p>
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
                  Review merge
                </button>
              </li>
            ))}
          </ul>
          {pairs.length < total ? (
            <button type="button" class="secondary" onClick={() => model.showMore()}>
              Show more duplicates
            </button>
          ) : null}
        </>
      )}
      <RecentMerges model={model} />
    </section>
  );
}

const mergedOn = (instant: string) => new Date(instant).toLocaleString();

/** The latest merges not undone, so that one can still be undone after the page was left. */
function RecentMerges(props: { model: DuplicatesModel }) {
  const { model } = props;
  const merges = model.merges.value;
  if (merges.length === 0) return null;
  return (
    <>
      <h3 id="recent-merges-heading">Recent merges</h3>
      <ul class="plain" aria-labelledby="recent-merges-heading">
        {merges.map((merge) => (
          <li key={merge.id}>
            <span id={`merge-${merge.id}`}>
              Merged {merge.mergedBefore.name} into {merge.survivorBefore.name},{' '}
              <time dateTime={merge.createdAt}>{mergedOn(merge.createdAt)}</time>
            </span>{' '}
            <button
              type="button"
              class="secondary"
              aria-describedby={`merge-${merge.id}`}
              disabled={model.busy.value}
              onClick={() => void model.undo(merge.id)}
            >
              Undo
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
