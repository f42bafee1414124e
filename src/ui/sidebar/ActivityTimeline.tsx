import { formatMoney } from '../../domain/money';
import { lineTotal, recordTotal, type PurchaseRecord } from '../../domain/purchase';

/** The contact's recorded orders and samples, newest first. */
export function ActivityTimeline(props: { records: readonly PurchaseRecord[] }) {
  return (
    <section aria-labelledby="timeline-heading" class="card">
      <h2 id="timeline-heading">Activity timeline</h2>
      {props.records.length === 0 ? (
        <p class="muted">Nothing recorded yet.</p>
      ) : (
        <ol class="timeline" aria-labelledby="timeline-heading">
          {props.records.map((record) => (
            <li key={record.id} class={`entry ${record.kind}`}>
              <p class="entry-head">
                <strong>{record.kind === 'sample' ? 'Sample' : 'Purchase'}</strong>{' '}
                <time dateTime={record.purchaseDate}>{record.purchaseDate}</time>{' '}
                <span class="amount">{formatMoney(recordTotal(record))}</span>
              </p>
              <ul class="entry-lines">
                {record.lines.map((line) => (
                  <li key={line.productId}>
                    {line.quantity} × {line.name} — {formatMoney(lineTotal(line))}
                  </li>
                ))}
              </ul>
              {record.note ? <p class="note">{record.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
