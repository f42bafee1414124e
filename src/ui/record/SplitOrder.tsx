import type { DraftLine } from './order-validation';
import type { SplitModel } from './split-model';

/** Who takes what from a group order: one column per contact, one row per product. */
export function SplitOrder(props: { model: SplitModel; lines: readonly DraftLine[]; onStop: () => void }) {
  const { model, lines } = props;
  const participants = model.participants.value;
  return (
    <section aria-labelledby="split-heading" class="split">
      <h3 id="split-heading">Split among contacts</h3>
      <p class="muted">Each contact gets their own record of their share, linked to this group order.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Product</th>
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
                    aria-label={`${line.name} for ${participant.contact.name}`}
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
            Remove {participant.contact.name}
          </button>
        ))}
      </div>
      <label>
        Add a contact to the group
        <input
          type="search"
          value={model.query.value}
          onInput={(event) => void model.search(event.currentTarget.value)}
        />
      </label>
      {model.found.value.length > 0 ? (
        <ul class="results" aria-label="Contacts found">
          {model.found.value.map((contact) => (
            <li key={contact.id}>
              <button type="button" class="link" onClick={() => model.add(contact)}>
                Add {contact.name}
              </button>
            </li>
          ))}
        </ul>
      ) : model.query.value.trim() ? (
        <p class="muted">No contact matches.</p>
      ) : null}
      {model.error.value ? (
        <p role="alert" class="error">
          {model.error.value}
        </p>
      ) : null}
      <button type="button" class="secondary" onClick={props.onStop}>
        Do not split
      </button>
    </section>
  );
}
