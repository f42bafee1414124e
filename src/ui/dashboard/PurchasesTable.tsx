import { formatMoney } from '../../domain/money';
import { recordTotal } from '../../domain/purchase';
import type { DashboardModel } from './dashboard-model';

/** The most the table shows: a long history is for the export, and 50,000 rows would stall the page. */
const PURCHASES_SHOWN = 100;

/** The newest recorded purchases and samples, with the export of them all. */
export function PurchasesTable(props: { model: DashboardModel }) {
  const { model } = props;
  const records = model.purchases.value;
  const shown = records.slice(0, PURCHASES_SHOWN);
  return (
    <section aria-labelledby="purchases-heading" class="card">
      <h2 id="purchases-heading">Recorded purchases</h2>
      <div class="actions">
        <button type="button" onClick={model.exportPurchases} disabled={records.length === 0}>
          Export purchases
        </button>
      </div>
      {records.length === 0 ? (
        <p class="muted">Nothing recorded yet. Open Tally beside a customer page to record a purchase.</p>
      ) : (
        <>
          {records.length > shown.length ? (
            <p class="muted">
              The {shown.length} newest of {records.length.toLocaleString()}; Export purchases writes them
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
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
