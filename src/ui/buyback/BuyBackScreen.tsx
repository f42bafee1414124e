import { useState } from 'preact/hooks';
import { BUY_BACK_STATUS_LABELS, buyBackTotal } from '../../domain/buyback';
import { t } from '../../domain/i18n';
import { formatMoney } from '../../domain/money';
import { ErrorMessage } from '../ErrorMessage';
import { StatusMessage } from '../StatusMessage';
import { AttachmentsPanel } from './AttachmentsPanel';
import { BuyBackLog } from './BuyBackLog';
import type { BuyBackModel } from './buyback-model';
import { EstimateForm } from './EstimateForm';
import { ItemProgress } from './ItemProgress';
import { PayOutForm } from './PayOutForm';
import { paymentMethodLabel } from '../../domain/payment-method';

/** One buy-back, from estimate to completed. */
export function BuyBackScreen(props: { model: BuyBackModel; backHref: string }) {
  const { model } = props;
  const buyBack = model.buyBack.value;
  const draft = model.draft.value;
  if (model.missing.value) {
    return (
      <main class="dashboard">
        <p role="status" class="notice">
          {model.status.value ?? t('buyback_no_longer_exists')}
        </p>
        <a href={props.backHref}>{t('buyback_back_to_dashboard')}</a>
      </main>
    );
  }
  if (!buyBack) return <main class="dashboard" aria-busy="true" />;
  const estimate = buyBack.status === 'estimate';
  return (
    <main class="dashboard buy-back">
      <a href={props.backHref}>{t('buyback_back_to_dashboard')}</a>
      <h1>{model.title.value}</h1>
      <p>
        {t('buyback_from')} <strong>{model.contact.value?.name ?? t('buyback_unknown_contact')}</strong> ·{' '}
        {t('buyback_status')}{' '}
        <strong class="badge" aria-label={t('buyback_status_named', BUY_BACK_STATUS_LABELS[buyBack.status])}>
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
        <p class="muted">{t('buyback_add_item_to_pay')}</p>
      ) : null}
      {!estimate ? (
        <>
          <section class="card" aria-label={t('buyback_payment')}>
            <p>
              {t(
                'buyback_paid_amount_by',
                formatMoney(buyBack.payout?.amount ?? buyBackTotal(buyBack)),
                paymentMethodLabel(buyBack.payout?.method ?? ''),
              )}
              {buyBack.payout?.reference ? ` · ${t('buyback_reference', buyBack.payout.reference)}` : ''}
            </p>
            <div class="actions">
              <button type="button" onClick={() => void model.downloadReceipt()}>
                {t('buyback_download_receipt')}
              </button>
              {buyBack.status === 'added-to-inventory' ? (
                <button type="button" onClick={() => void model.complete()}>
                  {t('buyback_complete')}
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
          {t('buyback_delete')}
        </button>
      </div>
    );
  }
  return confirming ? (
    <div class="card" role="group" aria-label={t('buyback_delete_paid_question')}>
      <p>{t('buyback_delete_paid_explained')}</p>
      <label>
        {t('buyback_delete_reason')}
        <input value={reason} maxLength={500} onInput={(event) => setReason(event.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" onClick={() => void props.model.remove(true, reason)}>
          {t('buyback_confirm_delete')}
        </button>
        <button type="button" class="secondary" onClick={() => setConfirming(false)}>
          {t('buyback_keep_it')}
        </button>
      </div>
    </div>
  ) : (
    <div class="actions">
      <button type="button" class="secondary" onClick={() => setConfirming(true)}>
        {t('buyback_delete')}
      </button>
    </div>
  );
}
