import { useEffect, useId, useRef } from 'preact/hooks';
import {
  EXPORT_KIND_FILTERS,
  EXPORT_STATUS_FILTERS,
  kindFilterLabel,
  statusFilterLabel,
  type ExportKindFilter,
  type ExportStatusFilter,
} from '../../csv/purchases-export-filter';
import type { Contact } from '../../domain/contact';
import { t } from '../../domain/i18n';
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
          {t(which === 'from' ? 'export_filter_from' : 'export_filter_to')}
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
      <legend>{t('export_filter_legend')}</legend>
      <div class="period-inputs">
        {date('from')}
        {date('to')}
      </div>
      <ContactFilter model={model} />
      <SelectField
        label={t('export_filter_kind')}
        value={model.kind.value}
        onChange={(value) => (model.kind.value = value as ExportKindFilter)}
      >
        {EXPORT_KIND_FILTERS.map((kind) => (
          <option key={kind} value={kind}>
            {kindFilterLabel(kind)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('export_filter_status')}
        value={model.status.value}
        onChange={(value) => (model.status.value = value as ExportStatusFilter)}
      >
        {EXPORT_STATUS_FILTERS.map((status) => (
          <option key={status} value={status}>
            {statusFilterLabel(status)}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}

/**
 * A message with `value` in bold where its substitution is, wherever the language puts it:
 * `text` is given a mark to put there, and the message is split at it.
 */
function Emphasised(props: { text: (mark: string) => string; value: string }) {
  const mark = '\u0001';
  const [before = '', after = ''] = props.text(mark).split(mark);
  return (
    <>
      {before}
      <strong>{props.value}</strong>
      {after}
    </>
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
        <Emphasised text={(mark) => t('export_filter_only', mark)} value={contact.name} />{' '}
        <button ref={allContacts} type="button" class="link" onClick={() => choose(null)}>
          {t('export_filter_all_contacts')}
        </button>
      </p>
    );
  }
  const matches = model.matches.value;
  return (
    <div class="export-contact">
      <label>
        {t('export_filter_contact')}
        <input
          ref={search}
          type="search"
          value={model.query.value}
          placeholder={t('export_filter_contact_placeholder')}
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
              {t('export_filter_only', match.name)}
              {match.email ? <span class="muted"> {match.email}</span> : null}
            </button>
          </li>
        ))}
        {model.query.value.trim() !== '' && matches.length === 0 ? (
          <li class="muted">{t('export_filter_no_match', model.query.value)}</li>
        ) : null}
      </ul>
    </div>
  );
}
