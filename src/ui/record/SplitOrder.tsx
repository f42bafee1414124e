import { t } from '../../domain/i18n';
import type { DraftLine } from './order-validation';
import type { SplitModel } from './split-model';

/** Who takes what from a group order: one column per contact, one row per product. */
export function SplitOrder(props: { model: SplitModel; lines: readonly DraftLine[]; onStop: () => void }) {
  const { model, lines } = props;
  const participants = model.participants.value;
  return (
    <section aria-labelledby="split-heading" class="split">
      <h3 id="split-heading">{t('record_split')}</h3>
      <p class="muted">{t('record_split_hint')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('record_product')}</th>
            {participants.map((participant) => (
              <th scope="col" key={participant.contact.id}>
                {participant.contact.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.productId}>
              <th scope="row">
                {line.name} <span class="muted">× {line.quantityText}</span>
              </th>
              {participants.map((participant) => (
                <td key={participant.contact.id}>
                  <input
                    class="share"
                    inputMode="numeric"
                    aria-label={t('record_share_of', line.name, participant.contact.name)}
                    value={participant.quantityTexts[line.productId] ?? '0'}
                    onInput={(event) =>
                      model.setQuantity(participant.contact.id, line.productId, event.currentTarget.value)
                    }
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div class="row-actions">
        {participants.slice(1).map((participant) => (
          <button
            type="button"
            class="link"
            key={participant.contact.id}
            onClick={() => model.remove(participant.contact.id)}
          >
            {t('record_remove_line', participant.contact.name)}
          </button>
        ))}
      </div>
      <label>
        {t('record_add_to_group')}
        <input
          type="search"
          value={model.query.value}
          onInput={(event) => void model.search(event.currentTarget.value)}
        />
      </label>
      {model.found.value.length > 0 ? (
        <ul class="results" aria-label={t('record_contacts_found')}>
          {model.found.value.map((contact) => (
            <li key={contact.id}>
              <button type="button" class="link" onClick={() => model.add(contact)}>
                {t('record_add_contact', contact.name)}
              </button>
            </li>
          ))}
        </ul>
      ) : model.query.value.trim() ? (
        <p class="muted">{t('record_no_contact_matches')}</p>
      ) : null}
      {model.error.value ? (
        <p role="alert" class="error">
          {model.error.value}
        </p>
      ) : null}
      <button type="button" class="secondary" onClick={props.onStop}>
        {t('record_do_not_split')}
      </button>
    </section>
  );
}
