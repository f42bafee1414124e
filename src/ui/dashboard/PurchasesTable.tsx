import { formatMoney } from '../../domain/money';
import { recordTotal } from '../../domain/purchase';
import { OUTCOME_LABELS, type RecordedOutcome } from '../../domain/reconcile';
import { ExportPanel } from '../export/ExportPanel';
import { PURCHASES_SHOWN, type DashboardModel } from './dashboard-model';

/**
 * The newest recorded purchases and samples with what the latest reconciliation found for each,
 * and `Export purchases` (all of them, or those its filters keep).
 */
export function PurchasesTable(props: { model: DashboardModel }) {
  const { model } = props;
  const records = model.purchases.value;
  const shown = records.slice(0, PURCHASES_SHOWN);
  const statuses = model.statuses.value;
  return (
    <section aria-labelledby="purchases-heading" class="card">
      <h2 id="purchases-heading">Recorded purchases</h2>
      <div class="actions">
        <button type="button" onClick={() => void model.exporter.show()} disabled={records.length === 0}>
          Export purchases
        </button>
      </div>
      <ExportPanel model={model.exporter} />
      {records.length === 0 ? (
        <p class="muted">Nothing recorded yet. Open Tally beside a customer page to record a purchase.</p>
      ) : (
        <>
          {records.length > shown.length ? (
            <p class="muted">
              The {shown.length} newest of {records.length.toLocaleString('en')}; Export purchases writes them
              all.
            </p>
          ) : null}
          <table aria-labelledby="purchases-heading">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Contact</th>
                <th scope="col">Kind</th>
                <th scope="col">Products</th>
                <th scope="col" class="num">
                  Total
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((record) => (
                <tr key={record.id}>
                  <td>{record.purchaseDate}</td>
                  <td>{model.contacts.value.get(record.contactId)?.name ?? 'Unknown contact'}</td>
                  <td>{record.kind === 'sample' ? 'Sample' : 'Purchase'}</td>
                  <td>{record.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ')}</td>
                  <td class="num">{formatMoney(recordTotal(record))}</td>
                  <td>{statusText(statuses.get(record.id)?.outcome)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** The outcome as everywhere else, or nothing while no reconciliation has judged the order. */
function statusText(outcome: RecordedOutcome | undefined): string {
  return outcome ? OUTCOME_LABELS[outcome] : '';
}
