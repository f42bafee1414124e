import type { ComponentChildren } from 'preact';
import { t, tPlural, type MessageKey } from '../../domain/i18n';
import { formatCalendarDate, formatCount, formatInstant } from '../../domain/locale-format';
import { formatMoney } from '../../domain/money';
import { lineTotal, recordTotal } from '../../domain/purchase';
import {
  outcomeLabel,
  RECORDED_OUTCOMES,
  type Difference,
  type DifferenceField,
} from '../../domain/reconcile';
import { ErrorMessage } from '../ErrorMessage';
import { firstButton, useFocusHandoff } from './focus-handoff';
import { StatusMessage } from '../StatusMessage';
import {
  describeBackOfficeProduct,
  type BackOfficeItem,
  type RecordedItem,
  type ReconcileResultsModel,
  type ResultList,
} from './results-model';

const DIFFERENCE_LABEL_KEYS: Readonly<Record<DifferenceField, MessageKey>> = {
  customer: 'reconcile_field_customer',
  date: 'reconcile_field_date',
  product: 'reconcile_field_product',
  quantity: 'reconcile_field_quantity',
  unitPrice: 'reconcile_field_unit_price',
  currency: 'reconcile_field_currency',
  line: 'reconcile_field_line',
};

/** A difference's row heading: "Quantity", or "Quantity (line 1)" for a line's field. */
function differenceLabel(difference: Difference): string {
  const label = t(DIFFERENCE_LABEL_KEYS[difference.field]);
  return difference.lineIndex === undefined
    ? label
    : t('reconcile_difference_on_line', label, String(difference.lineIndex + 1));
}

/** The latest run's results (or the one the last file ended in). */
export function ReconcileResults(props: { model: ReconcileResultsModel }) {
  const { model } = props;
  const run = model.run.value;
  if (!run) return null;
  const items = model.items.value;
  const backOfficeOnly = model.backOfficeOnly.value;
  return (
    <section aria-labelledby="reconcile-results-heading" class="reconcile-results">
      <h3 id="reconcile-results-heading" tabIndex={-1}>
        {t('reconcile_results_heading', run.fileName)}
      </h3>
      <p class="muted">
        {tPlural('reconcile_results_rows_read', run.rowsRead, formatInstant(run.finishedAt))}
        {run.covered
          ? ` · ${t('reconcile_results_covered', formatCalendarDate(run.covered.from), formatCalendarDate(run.covered.to))}`
          : ''}
      </p>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      <dl class="reconcile-counts" aria-label={t('reconcile_results_outcomes')}>
        {[...RECORDED_OUTCOMES, 'backOfficeOnly' as const].map((outcome) => (
          <div key={outcome} data-outcome={outcome}>
            <dt>{outcomeLabel(outcome)}</dt>
            <dd>{formatCount(run.counts[outcome])}</dd>
          </div>
        ))}
      </dl>
      {model.deletedSinceRun.value > 0 ? (
        <p class="muted">{tPlural('reconcile_results_deleted_since', model.deletedSinceRun.value)}</p>
      ) : null}
      <RecordedList model={model} list="missing" title={t('reconcile_list_missing')} items={items.missing}>
        {(item) => <OrderLines item={item} />}
      </RecordedList>
      <RecordedList model={model} list="conflict" title={t('reconcile_list_conflict')} items={items.conflict}>
        {(item) => <Differences differences={item.status.differences} />}
      </RecordedList>
      <RecordedList model={model} list="probable" title={t('reconcile_list_probable')} items={items.probable}>
        {(item) => (
          <>
            <Differences differences={item.status.differences} />
            <div class="row-actions">
              <button
                type="button"
                aria-label={t('reconcile_confirm_match_of', item.label)}
                onClick={() => void model.decide(item, 'confirmed')}
              >
                {t('reconcile_confirm_match')}
              </button>
              <button
                type="button"
                class="secondary"
                aria-label={t('reconcile_reject_match_of', item.label)}
                onClick={() => void model.decide(item, 'rejected')}
              >
                {t('reconcile_reject_match')}
              </button>
            </div>
          </>
        )}
      </RecordedList>
      <BackOfficeOnlyList model={model} items={backOfficeOnly} />
      <Synced model={model} items={items.synced} />
      <Skipped model={model} />
    </section>
  );
}

/** One outcome's orders, each a group named by its contact and date. */
function RecordedList(props: {
  model: ReconcileResultsModel;
  list: ResultList;
  title: string;
  items: RecordedItem[];
  children: (item: RecordedItem) => ComponentChildren;
}) {
  const { items, list } = props;
  if (items.length === 0) return null;
  const headingId = `reconcile-${list}-heading`;
  const limit = props.model.shown.value[list];
  return (
    <>
      <h4 id={headingId} tabIndex={-1}>
        {t('reconcile_list_heading', props.title, formatCount(items.length))}
      </h4>
      <ul class="reconcile-list" aria-labelledby={headingId}>
        {items.slice(0, limit).map((item) => (
          <ResultItem key={item.status.purchaseId} label={item.label}>
            <p class="entry-head">
              <strong>{item.contactName}</strong>{' '}
              {item.record ? (
                <time dateTime={item.record.purchaseDate}>{item.record.purchaseDate}</time>
              ) : null}{' '}
              {item.record ? <span class="amount">{formatMoney(recordTotal(item.record))}</span> : null}
              {item.status.confirmed ? <span class="muted"> {t('reconcile_confirmed_by_you')}</span> : null}
            </p>
            {props.children(item)}
          </ResultItem>
        ))}
      </ul>
      <ShowMore model={props.model} list={list} title={props.title} total={items.length} />
    </>
  );
}

/**
 * One order of a list. Decided, it leaves its list: the focus goes to the next order's buttons
 * (or the previous one's, or the list's heading), so the user goes on down the list.
 */
function ResultItem(props: { label: string; children: ComponentChildren }) {
  const ref = useFocusHandoff<HTMLLIElement>((item) => [
    firstButton(item.nextElementSibling),
    firstButton(item.previousElementSibling),
    listHeading(item),
    document.getElementById('reconcile-results-heading'),
  ]);
  return (
    <li ref={ref} aria-label={props.label}>
      {props.children}
    </li>
  );
}

/** The heading that names the list `element` is in. */
function listHeading(element: Element): HTMLElement | null {
  const id = element.closest('ul[aria-labelledby]')?.getAttribute('aria-labelledby');
  return id ? document.getElementById(id) : null;
}

/** What to enter in the back office: each line with its quantity and price. */
function OrderLines(props: { item: RecordedItem }) {
  const { record } = props.item;
  if (!record) return <p class="muted">{t('reconcile_order_gone')}</p>;
  return (
    <ul class="entry-lines">
      {record.lines.map((line, index) => (
        <li key={index}>
          {t(
            'reconcile_order_line',
            formatCount(line.quantity),
            line.name,
            line.sku,
            formatMoney(line.unitPrice),
            formatMoney(lineTotal(line)),
          )}
        </li>
      ))}
    </ul>
  );
}

function Differences(props: { differences: Difference[] }) {
  if (props.differences.length === 0) return null;
  return (
    <table class="differences">
      <thead>
        <tr>
          <th scope="col">{t('reconcile_differences_field')}</th>
          <th scope="col">{t('reconcile_differences_recorded')}</th>
          <th scope="col">{t('reconcile_differences_back_office')}</th>
        </tr>
      </thead>
      <tbody>
        {props.differences.map((difference, index) => (
          <tr key={index}>
            <th scope="row">{differenceLabel(difference)}</th>
            <td>{difference.recorded}</td>
            <td>{difference.backOffice}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The orders on screen (`items`, the first of `total`), each with `Import into history`. */
function BackOfficeOnlyList(props: { model: ReconcileResultsModel; items: BackOfficeItem[] }) {
  const { model, items } = props;
  const total = model.backOfficeOnlyCount.value;
  if (total === 0) return null;
  const refusals = model.refusals.value;
  const productNames = model.productNames.value;
  return (
    <>
      <h4 id="reconcile-backOfficeOnly-heading" tabIndex={-1}>
        {t('reconcile_list_heading', t('reconcile_list_back_office_only'), formatCount(total))}
      </h4>
      <p class="muted">{backOfficeOnlySummary(total, model.backOfficeOnlyOfContacts.value)}</p>
      <ul class="reconcile-list" aria-labelledby="reconcile-backOfficeOnly-heading">
        {items.map((item) => {
          const { order, importedAs } = item.entry;
          const refusal = refusals.get(order.orderId);
          return (
            <li key={order.orderId} aria-label={item.label}>
              <p class="entry-head">
                <strong>{item.contactName}</strong> <time dateTime={order.date}>{order.date}</time>{' '}
                <span class="muted">{t('reconcile_back_office_order', order.orderId)}</span>
              </p>
              <ul class="entry-lines">
                {order.lines.map((line) => (
                  <li key={line.line}>
                    {t(
                      'reconcile_back_office_line',
                      formatCount(line.quantity),
                      describeBackOfficeProduct(line, productNames),
                      formatMoney({ minor: line.unitPriceMinor, currency: order.currency }),
                    )}
                  </li>
                ))}
              </ul>
              {importedAs ? (
                <p class="muted">{t('reconcile_imported_into_history')}</p>
              ) : (
                <>
                  {/* Import matches the customer again against today's contacts (one captured
                      since the run counts), and says why when there is still none. */}
                  {item.entry.contactId ? null : <p class="muted">{t('reconcile_not_a_contact')}</p>}
                  <ImportAction model={model} item={item} />
                </>
              )}
              {/* Announced: the focus stays on the button, and the reason is what the user needs. */}
              {refusal ? (
                <p role="alert" class="error">
                  {refusal}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ShowMore
        model={model}
        list="backOfficeOnly"
        title={t('reconcile_list_back_office_only')}
        total={total}
      />
    </>
  );
}

/**
 * `Import into history`. Once imported, the order says so in the button's place: the focus goes
 * to the next order's button, or the list's heading.
 */
function ImportAction(props: { model: ReconcileResultsModel; item: BackOfficeItem }) {
  const ref = useFocusHandoff<HTMLDivElement>((actions) => {
    const order = actions.closest('li');
    return [firstButton(order?.nextElementSibling), listHeading(actions)];
  });
  return (
    <div class="row-actions" ref={ref}>
      <button
        type="button"
        class="secondary"
        aria-label={t('reconcile_import_of', props.item.label)}
        onClick={() => void props.model.importOrder(props.item)}
      >
        {t('reconcile_import')}
      </button>
    </div>
  );
}

/** "3 for your contacts, listed first; 1,997 for customers not in Tally." */
function backOfficeOnlySummary(total: number, ofContacts: number): string {
  const others = total - ofContacts;
  if (others === 0) return t('reconcile_back_office_all_contacts');
  if (ofContacts === 0) return t('reconcile_back_office_no_contacts', formatCount(others));
  return t('reconcile_back_office_some_contacts', formatCount(ofContacts), formatCount(others));
}

function Synced(props: { model: ReconcileResultsModel; items: RecordedItem[] }) {
  const { model, items } = props;
  if (items.length === 0) return null;
  const open = model.showSynced.value;
  return (
    <>
      <p>
        {tPlural('reconcile_synced_count', items.length)}{' '}
        <button type="button" class="link" aria-expanded={open} onClick={model.toggleSynced}>
          {t('reconcile_show_synced')}
        </button>
      </p>
      {open ? (
        <RecordedList model={model} list="synced" title={t('reconcile_list_synced')} items={items}>
          {() => null}
        </RecordedList>
      ) : null}
    </>
  );
}

function Skipped(props: { model: ReconcileResultsModel }) {
  const { model } = props;
  const run = model.run.value;
  if (!run || run.skipped === 0) return null;
  const limit = model.shown.value.skipped;
  const title = tPlural('reconcile_skipped_title', run.skipped);
  return (
    <>
      <h4 id="reconcile-skipped-heading" tabIndex={-1}>
        {title}
      </h4>
      <ul class="reconcile-list" aria-labelledby="reconcile-skipped-heading">
        {run.problems.slice(0, limit).map((problem, index) => (
          <li key={index}>{t('reconcile_skipped_line', String(problem.line), problem.reason)}</li>
        ))}
      </ul>
      <ShowMore
        model={model}
        list="skipped"
        title={t('reconcile_list_skipped')}
        total={run.problems.length}
      />
      {run.skipped > run.problems.length ? (
        <p class="muted">{t('reconcile_skipped_first_listed', formatCount(run.problems.length))}</p>
      ) : null}
    </>
  );
}

function ShowMore(props: { model: ReconcileResultsModel; list: ResultList; title: string; total: number }) {
  const more = props.total - props.model.shown.value[props.list];
  return more > 0 ? <ShowMoreButton {...props} /> : null;
}

/** Gone once all are shown: the focus goes to the list's heading. */
function ShowMoreButton(props: { model: ReconcileResultsModel; list: ResultList; title: string }) {
  const ref = useFocusHandoff<HTMLButtonElement>(() => [
    document.getElementById(`reconcile-${props.list}-heading`),
  ]);
  return (
    <button
      ref={ref}
      type="button"
      class="link"
      aria-label={t('reconcile_show_more_of', props.title)}
      onClick={() => void props.model.showMore(props.list)}
    >
      {t('reconcile_show_more')}
    </button>
  );
}
