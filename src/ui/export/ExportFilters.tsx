import { useEffect, useId, useRef } from 'preact/hooks';
import {
  EXPORT_KIND_FILTERS,
  EXPORT_STATUS_FILTERS,
  KIND_FILTER_LABELS,
  STATUS_FILTER_LABELS,
  type ExportKindFilter,
  type ExportStatusFilter,
} from '../../csv/purchases-export-filter';
import type { Contact } from '../../domain/contact';
import { ErrorMessage } from '../ErrorMessage';
import { FieldProblem, invalidProps } from '../FieldProblem';
import { SelectField } from '../SelectField';
import type { ExportFilterModel } from './export-filter-model';

/** Which purchases go in the file: dates, one contact or all, kind, reconciliation status. */
export function ExportFilters(props: { model: ExportFilterModel }) {
  const { model } = props;
  const id = useId();
  const date = (which: 'from' | 'to') => {
    const text = which === 'from' ? model.fromText : model.toText;
    const problem = (which === 'from' ? model.fromProblem : model.toProblem).value;
    const problemId = `${id}-${which}-problem`;
    // A half-typed date changes no value (it stays ""), so no change event tells of it: leaving
    // the field does, before a click on Download CSV lands.
    const read = (event: { currentTarget: HTMLInputElement }) =>
      model.setDate(which, event.currentTarget.value, event.currentTarget.validity.badInput);
    return (
      <div class="period-field">
        <label>
          {which === 'from' ? 'From' : 'To'}
          <input
            type="date"
            value={text.value}
            {...invalidProps(problemId, problem)}
            onChange={read}
            onBlur={read}
          />
        </label>
        <FieldProblem id={problemId} text={problem} />
      </div>
    );
  };
  return (
    <fieldset class="export-filters">
      <legend>Purchases to export</legend>
      <div class="period-inputs">
        {date('from')}
        {date('to')}
      </div>
      <ContactFilter model={model} />
      <SelectField
        label="Kind"
        value={model.kind.value}
        onChange={(value) => (model.kind.value = value as ExportKindFilter)}
      >
        {EXPORT_KIND_FILTERS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_FILTER_LABELS[kind]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Status"
        value={model.status.value}
        onChange={(value) => (model.status.value = value as ExportStatusFilter)}
      >
        {EXPORT_STATUS_FILTERS.map((status) => (
          <option key={status} value={status}>
            {STATUS_FILTER_LABELS[status]}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}

/** Everyone, or one contact searched by name or email. */
function ContactFilter(props: { model: ExportFilterModel }) {
  const { model } = props;
  const id = useId();
  // Choosing swaps the search for the chosen contact (and back): the button pressed is gone, so
  // focus goes to the control that took its place rather than drop to the page.
  const focusNext = useRef<'allContacts' | 'search' | null>(null);
  const allContacts = useRef<HTMLButtonElement>(null);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusNext.current === 'allContacts') allContacts.current?.focus();
    if (focusNext.current === 'search') search.current?.focus();
    focusNext.current = null;
  });
  const choose = (chosen: Contact | null) => {
    focusNext.current = chosen ? 'allContacts' : 'search';
    model.chooseContact(chosen);
  };
  const contact = model.contact.value;
  if (contact) {
    return (
      <p class="export-contact">
        Only <strong>{contact.name}</strong>{' '}
        <button ref={allContacts} type="button" class="link" onClick={() => choose(null)}>
          All contacts
        </button>
      </p>
    );
  }
  const matches = model.matches.value;
  return (
    <div class="export-contact">
      <label>
        Contact
        <input
          ref={search}
          type="search"
          value={model.query.value}
          placeholder="All contacts, or search a name or email"
          aria-controls={`${id}-matches`}
          onInput={(event) => void model.search(event.currentTarget.value)}
        />
      </label>
      <ErrorMessage message={model.searchError.value} />
      <ul id={`${id}-matches`} class="plain">
        {matches.map((match) => (
          <li key={match.id}>
            {/* The email inside the button: two contacts of one name get two names to tell apart. */}
            <button type="button" class="link" onClick={() => choose(match)}>
              Only {match.name}
              {match.email ? <span class="muted"> {match.email}</span> : null}
            </button>
          </li>
        ))}
        {model.query.value.trim() !== '' && matches.length === 0 ? (
          <li class="muted">No contact matches “{model.query.value}”.</li>
        ) : null}
      </ul>
    </div>
  );
}
