import { BUY_BACK_STATUS_LABELS, buyBackNumber, buyBackTotal } from '../../domain/buyback';
import { formatMoney } from '../../domain/money';
import { ErrorMessage } from '../ErrorMessage';
import { buyBackHref } from './address';
import type { BuyBackListModel } from './buyback-list-model';

export function BuyBackList(props: { model: BuyBackListModel }) {
  const { model } = props;
  const picking = model.picking.value;
  return (
    <section class="card" aria-labelledby="buy-backs-heading">
      <h2 id="buy-backs-heading">Buy-backs</h2>
      <ErrorMessage message={model.error.value} />
      {picking === null ? (
        <button type="button" onClick={model.startPicking}>
          New buy-back
        </button>
      ) : (
        <div role="group" aria-label="Choose the seller">
          <label>
            Seller
            <input
              type="search"
              placeholder="Name or email"
              value={picking}
              onInput={(event) => void model.search(event.currentTarget.value)}
            />
          </label>
          <ul class="plain">
            {model.matches.value.map((contact) => (
              <li key={contact.id}>
                <button type="button" class="secondary" onClick={() => void model.startFor(contact.id)}>
                  Buy from {contact.name}
                </button>{' '}
                <span class="muted">{contact.email ?? contact.phone ?? ''}</span>
              </li>
            ))}
          </ul>
          <button type="button" class="link" onClick={model.stopPicking}>
            Cancel
          </button>
        </div>
      )}
      {model.buyBacks.value.length === 0 ? (
        <p class="muted">No buy-backs yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Number</th>
              <th>Seller</th>
              <th>Status</th>
              <th class="num">Paid</th>
              <th>Started</th>
            </tr>
          </thead>
          <tbody>
            {model.buyBacks.value.map((buyBack) => (
              <tr key={buyBack.id}>
                <td>
                  <a href={buyBackHref(buyBack.id)}>{buyBackNumber(buyBack)}</a>
                </td>
                <td>{model.sellers.value.get(buyBack.contactId)?.name ?? '—'}</td>
                <td>{BUY_BACK_STATUS_LABELS[buyBack.status]}</td>
                <td class="num">{formatMoney(buyBackTotal(buyBack))}</td>
                <td>{new Date(buyBack.createdAt).toLocaleDateString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
