import { useId } from 'preact/hooks';
import { t } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
import { formatMoney } from '../../domain/money';
import { formatMonth } from '../../domain/reports/spend-patterns';
import { aroundSlot, SLOT } from '../contacts/slot';
import { ErrorMessage } from '../ErrorMessage';
import { SelectField } from '../SelectField';
import { PeriodInputs } from './PeriodInputs';
import { SpendChart } from './SpendChart';
import type { SpendPatternsModel } from './spend-patterns-model';

/** Monthly spend over a period, for everyone or one contact: a bar chart, and its numbers as a table. */
export function SpendPatterns(props: { model: SpendPatternsModel }) {
  const { model } = props;
  const contact = model.contact.value;
  const whose = contact ? contact.name : t('reports_everyone');
  const currencies = model.currencies.value;
  const currency = model.currency.value;
  const months = model.months.value;
  const locale = model.locale;
  const period = model.fields.period.value;
  return (
    <section aria-labelledby="spend-patterns-heading" class="card report">
      <h3 id="spend-patterns-heading">{t('reports_spend_patterns')}</h3>
      <div class="report-controls">
        <PeriodInputs fields={model.fields} onChange={model.periodChanged} />
        {currencies.length > 1 ? (
          <SelectField label={t('reports_currency')} value={currency} onChange={model.chooseCurrency}>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <ContactPicker model={model} />
      {currencies.length > 1 ? (
        <p class="muted">{t('reports_currencies_note', currencies.join(', '), currency)}</p>
      ) : null}
      <ErrorMessage message={model.error.value} />
      {period && model.loaded.value ? (
        <>
          <SpendChart months={months} currency={currency} whose={whose} locale={locale} />
          <button
            type="button"
            class="secondary"
            aria-pressed={model.showTable.value}
            onClick={model.toggleTable}
          >
            {t('reports_show_as_table')}
          </button>
          {model.showTable.value ? (
            <table class="spend-table" aria-label={t('reports_monthly_spend', currency, whose)}>
              <thead>
                <tr>
                  <th scope="col">{t('reports_month')}</th>
                  <th scope="col" class="num">
                    {t('reports_orders')}
                  </th>
                  <th scope="col" class="num">
                    {t('reports_spend')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month.month}>
                    <th scope="row">{formatMonth(month.month, locale)}</th>
                    <td class="num">{formatCount(month.orders)}</td>
                    <td class="num">{formatMoney(month.spend, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** Everyone, or one contact found by name or email. */
function ContactPicker(props: { model: SpendPatternsModel }) {
  const { model } = props;
  const id = useId();
  const contact = model.contact.value;
  const matches = model.matches.value;
  if (contact) {
    const [before, after] = aroundSlot(t('reports_showing', SLOT));
    return (
      <p class="report-scope">
        {before}
        <strong>{contact.name}</strong>
        {after}{' '}
        <button type="button" class="link" onClick={() => model.chooseContact(null)}>
          {t('reports_show_everyone')}
        </button>
      </p>
    );
  }
  return (
    <div class="report-scope">
      <label>
        {t('reports_spend_of_one_contact')}
        <input
          type="search"
          value={model.query.value}
          placeholder={t('reports_name_or_email')}
          aria-controls={`${id}-matches`}
          onInput={(event) => void model.search(event.currentTarget.value)}
        />
      </label>
      <ul id={`${id}-matches`} class="plain">
        {matches.map((match) => (
          <li key={match.id}>
            <button type="button" class="link" onClick={() => model.chooseContact(match)}>
              {t('reports_show_contact', match.name)}
            </button>
            {match.email ? <span class="muted"> {match.email}</span> : null}
          </li>
        ))}
        {model.query.value.trim() !== '' && matches.length === 0 ? (
          <li class="muted">{t('reports_no_contact_matches', model.query.value)}</li>
        ) : null}
      </ul>
    </div>
  );
}
