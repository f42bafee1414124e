import { t } from '../../domain/i18n';
import { formatInstant } from '../../domain/locale-format';
import type { BuyBackModel } from './buyback-model';

/** General notes, and the log: every comment and every status change with its time. */
export function BuyBackLog(props: { model: BuyBackModel }) {
  const { model } = props;
  const buyBack = model.buyBack.value;
  if (!buyBack) return null;
  return (
    <section class="card" aria-labelledby="log-heading">
      <label>
        {t('buyback_notes')}
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
          {t('buyback_save_notes')}
        </button>
      </div>
      <h3 id="log-heading">{t('buyback_log')}</h3>
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          void model.addComment();
        }}
      >
        <label>
          {t('buyback_comment')}
          <input
            value={model.comment.value}
            maxLength={2000}
            onInput={(event) => (model.comment.value = event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={!model.comment.value.trim()}>
          {t('buyback_add_comment')}
        </button>
      </form>
      <ol class="log" aria-label={t('buyback_log_label')} reversed>
        {[...buyBack.log].reverse().map((entry, index) => (
          <li key={buyBack.log.length - index} class={entry.kind}>
            <time dateTime={entry.at}>{formatInstant(entry.at)}</time> {entry.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
