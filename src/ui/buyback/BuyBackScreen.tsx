import { useState } from 'preact/hooks';
import { BUY_BACK_STATUS_LABELS, buyBackTotal } from '../../domain/buyback';
import { formatMoney } from '../../domain/money';
import { ErrorMessage } from '../ErrorMessage';
import { StatusMessage } from '../StatusMessage';
import { AttachmentsPanel } from './AttachmentsPanel';
import { BuyBackLog } from './BuyBackLog';
import type { BuyBackModel } from './buyback-model';
import { EstimateForm } from './EstimateForm';
import { ItemProgress } from './ItemProgress';
import { PayOutForm } from './PayOutForm';

/** One buy-back, from estimate to completed. */
export function BuyBackScreen(props: { model: BuyBackModel; backHref: string }) {
  const { model } = props;
  const buyBack = model.buyBack.value;
  const draft = model.draft.value;
  if (model.missing.value) {
    return (
      <main class="dashboard">
        <p role="status" class="notice">
          {model.status.value ?? 'This buy-back no longer exists.'}
        </p>
        <a href={props.backHref}>Back to the dashboard</a>
      </main>
    );
  }
  if (!buyBack) return <main class="dashboard" aria-busy="true" />;
  const estimate = buyBack.status === 'estimate';
  return (
    <main class="dashboard buy-back">
      <a href={props.backHref}>Back to the dashboard</a>
      <h1>{model.title.value}</h1>
      <p>
        From <strong>{model.contact.value?.name ?? 'an unknown contact'}</strong> · Status:{' '}
        <strong class="badge" aria-label={`Status: ${BUY_BACK_STATUS_LABELS[buyBack.status]}`}>
          {BUY_BACK_STATUS_LABELS[buyBack.status]}
        </strong>{' '}
        · {formatMoney(buyBackTotal(buyBack))}
      </p>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      {draft ? <EstimateForm model={model} draft={draft} /> : null}
      {estimate && (draft?.rows.value.length ?? 0) > 0 ? (
        <PayOutForm model={model} buyBack={buyBack} />
      ) : null}
      {estimate && (draft?.rows.value.length ?? 0) === 0 ? (
        <p class="muted">Add at least one item to pay out.</p>
      ) : null}
      {!estimate ? (
        <>
          <section class="card" aria-label="Payment">
            <p>
              Paid {formatMoney(buyBack.payout?.amount ?? buyBackTotal(buyBack))} by {buyBack.payout?.method}
              {buyBack.payout?.reference ? ` · reference ${buyBack.payout.reference}` : ''}
            </p>
            <div class="actions">
              <button type="button" onClick={() => void model.downloadReceipt()}>
                Download receipt
              </button>
              {buyBack.status === 'added-to-inventory' ? (
                <button type="button" onClick={() => void model.complete()}>
                  Complete buy-back
                </button>
              ) : null}
            </div>
          </section>
          {buyBack.items.map((item, index) => (
            <ItemProgress key={item.id} model={model} buyBack={buyBack} item={item} index={index} />
          ))}
        </>
      ) : null}
      <AttachmentsPanel model={model} editable={estimate} />
      <BuyBackLog model={model} />
      <DeleteBuyBack model={model} paid={!estimate} />
    </main>
  );
}

/** Deleting an estimate is immediate; a paid buy-back asks first and keeps an audit entry. */
function DeleteBuyBack(props: { model: BuyBackModel; paid: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  if (!props.paid) {
    return (
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void props.model.remove(false, '')}>
          Delete buy-back
        </button>
      </div>
    );
  }
  return confirming ? (
    <div class="card" role="group" aria-label="Delete this paid buy-back?">
      <p>This buy-back was paid out. Deleting it keeps an audit entry; store credit already given stays.</p>
      <label>
        Reason for deleting
        <input value={reason} maxLength={500} onInput={(event) => setReason(event.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" onClick={() => void props.model.remove(true, reason)}>
          Confirm delete
        </button>
        <button type="button" class="secondary" onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </div>
    </div>
  ) : (
    <div class="actions">
      <button type="button" class="secondary" onClick={() => setConfirming(true)}>
        Delete buy-back
      </button>
    </div>
  );
}
