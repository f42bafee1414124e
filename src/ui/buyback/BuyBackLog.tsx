import type { BuyBackModel } from './buyback-model';

/** General notes, and the log: every comment and every status change with its time. */
export function BuyBackLog(props: { model: BuyBackModel }) {
  const { model } = props;
  const buyBack = model.buyBack.value;
  if (!buyBack) return null;
  return (
    <section class="card" aria-labelledby="log-heading">
      <label>
        Notes
        <textarea
          rows={3}
          maxLength={5000}
          value={model.notes.value}
          onInput={(event) => (model.notes.value = event.currentTarget.value)}
        />
      </label>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={model.notes.value === buyBack.notes}
          onClick={() => void model.saveNotes()}
        >
          Save notes
        </button>
      </div>
      <h3 id="log-heading">Log</h3>
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          void model.addComment();
        }}
      >
        <label>
          Comment
          <input
            value={model.comment.value}
            maxLength={2000}
            onInput={(event) => (model.comment.value = event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={!model.comment.value.trim()}>
          Add comment
        </button>
      </form>
      <ol class="log" aria-label="Buy-back log" reversed>
        {[...buyBack.log].reverse().map((entry, index) => (
          <li key={buyBack.log.length - index} class={entry.kind}>
            <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time> {entry.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
