import { z } from 'zod';
import { ADDRESS_FIELDS, CONTACT_TEXT_LIMITS, ContactRole, type ExternalId } from '../domain/contact';
import { contactFieldProblems, type ContactFieldName } from '../domain/contact-edit';
import { newContactFields, type ContactRow, type PlanRejection } from '../domain/contact-import-plan';
import { t } from '../domain/i18n';
import { decodeCsvBytes, type CsvEncoding } from './decode';
import {
  CONTACT_COLUMNS,
  contactColumnLabel,
  customerIdBackOffice,
  detectContactsLayout,
  parseExternalIds,
  parseTags,
  type ContactColumnField,
  type ContactsLayout,
} from './contacts-columns';
import {
  acceptRow,
  mapColumns,
  missingColumnsMessage,
  quoteValue,
  readRows,
  rejectRow,
  type ColumnMap,
} from './rows';
import { isCsvFileError, parseCsvTable, type CsvTable } from './table';

export interface ContactsFile {
  table: CsvTable;
  encoding: CsvEncoding;
  layout: ContactsLayout;
  /** The columns found for each field; the user may correct them before importing. */
  columns: ColumnMap<ContactColumnField>;
}

export type ContactsFileResult = ({ ok: true } & ContactsFile) | { ok: false; error: string };

/**
 * Reads a contacts file's bytes: UTF-8 or Windows-1252, BOM stripped, `,` `;` or tab, and its
 * columns found by name. Only a file Tally cannot use at all (empty, broken header, no name
 * column) is refused here; bad rows are refused one by one in readContactRows.
 */
export function readContactsFile(bytes: Uint8Array): ContactsFileResult {
  const { text, encoding } = decodeCsvBytes(bytes);
  const table = parseCsvTable(text);
  if (isCsvFileError(table)) return { ok: false, error: table.error };
  const columns = mapColumns(table.header, CONTACT_COLUMNS).map;
  const problem = missingNameMessage(table.header, columns);
  if (problem) return { ok: false, error: problem };
  return { ok: true, table, encoding, layout: detectContactsLayout(table.header), columns };
}

/** Why the columns cannot give a name, or undefined when they can (Name, or first and last name). */
export function missingNameMessage(
  header: readonly string[],
  columns: ColumnMap<ContactColumnField>,
): string | undefined {
  if (columns.name || columns.firstName || columns.lastName) return undefined;
  const message = missingColumnsMessage(['name'], CONTACT_COLUMNS, contactColumnLabel, header);
  return t('csv_contacts_missing_name', message);
}

/** Shopify writes phone numbers, zip codes and ids as '0042 so that Excel keeps the zeros. */
const GUARDED_BY_SHOPIFY: readonly ContactColumnField[] = ['phone', 'otherPhone', 'postalCode', 'customerId'];

const TallyId = z.uuid();
const ROLES = ContactRole.options;

/**
 * Every row as a contact row or a rejection with its line and reason ("Email "bob@" is not an
 * email address"). Nothing is matched against stored contacts here; see contact-import-plan.
 */
export function readContactRows(file: Pick<ContactsFile, 'table' | 'layout' | 'columns'>): {
  rows: ContactRow[];
  rejected: PlanRejection[];
} {
  const { table, layout, columns } = file;
  const tallyLayout = layout === 'tally';
  const name = (field: ContactColumnField) => columns[field]?.name || contactColumnLabel(field);

  const { accepted, rejected } = readRows(table, columns, (cell, csvRow) => {
    const get = (field: ContactColumnField): string | undefined => {
      const value = cell(field);
      return !tallyLayout && GUARDED_BY_SHOPIFY.includes(field) && value?.startsWith("'")
        ? value.slice(1)
        : value;
    };
    const problems: string[] = [];

    const fullName = get('name');
    const joined = [get('firstName'), get('lastName')].filter(Boolean).join(' ');
    const rowName = fullName ? fullName : joined;
    if (rowName === '') problems.push(nameColumnsEmpty(columns, name));

    const tallyIdCell = get('tallyId');
    if (tallyIdCell && !TallyId.safeParse(tallyIdCell).success) {
      problems.push(t('csv_contacts_bad_tally_id', name('tallyId'), quoteValue(tallyIdCell)));
    }

    const roleCell = get('role');
    const role = roleCell ? ROLES.find((known) => known === roleCell.toLowerCase()) : undefined;
    if (roleCell && !role) {
      problems.push(t('csv_contacts_bad_role', name('role'), quoteValue(roleCell), ROLES.join(', ')));
    }

    const externalIds: ExternalId[] = [];
    const idsCell = get('backOfficeIds');
    if (idsCell) {
      const parsed = parseExternalIds(idsCell);
      if (parsed.ok) externalIds.push(...parsed.ids);
      else {
        problems.push(t('csv_contacts_bad_back_office_id', name('backOfficeIds'), quoteValue(parsed.bad)));
      }
    }
    const customerId = get('customerId');
    if (customerId) externalIds.push({ backOffice: customerIdBackOffice(layout), id: customerId });

    const mainPhone = get('phone');
    const otherPhone = get('otherPhone');
    const phone = mainPhone || otherPhone || (mainPhone ?? otherPhone);
    const tagsCell = get('tags');
    const address: ContactRow['address'] = {};
    for (const part of ADDRESS_FIELDS) {
      const value = get(part);
      if (value !== undefined) address[part] = value;
    }
    const row: ContactRow = {
      line: csvRow.line,
      name: rowName,
      address,
      externalIds,
      ...optional('company', get('company')),
      ...optional('email', get('email')),
      ...optional('phone', phone),
      ...optional('notes', get('notes')),
      ...(role ? { role } : {}),
      ...(tagsCell === undefined ? {} : { tags: parseTags(tagsCell, tallyLayout) }),
      ...(tallyIdCell ? { tallyId: tallyIdCell.toLowerCase() } : {}),
    };

    // A phone taken from the other phone column is named by that column, the one to fix.
    const phoneFrom: ContactColumnField = mainPhone || !otherPhone ? 'phone' : 'otherPhone';
    const named = (field: ContactColumnField) => name(field === 'phone' ? phoneFrom : field);
    if (rowName !== '') problems.push(...fieldProblems(row, named, nameColumns(columns, name)));
    return problems.length > 0 ? rejectRow(problems.join('; ')) : acceptRow(row);
  });
  return { rows: accepted.map((row) => row.value), rejected };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: string });
}

/** The columns the name is read from: Name, or First name and Last name (the file's words). */
function nameParts(
  columns: ColumnMap<ContactColumnField>,
  name: (field: ContactColumnField) => string,
): string[] {
  if (columns.name) return [name('name')];
  return (['firstName', 'lastName'] as const).filter((field) => columns[field]).map(name);
}

/** "Name", or "First name and Last name" when the name is made of those. */
function nameColumns(
  columns: ColumnMap<ContactColumnField>,
  name: (field: ContactColumnField) => string,
): string {
  const [first = '', second] = nameParts(columns, name);
  return second === undefined ? first : t('csv_contacts_name_parts', first, second);
}

/** "Name is empty", or "First name and Last name are empty". */
function nameColumnsEmpty(
  columns: ColumnMap<ContactColumnField>,
  name: (field: ContactColumnField) => string,
): string {
  const [first = '', second] = nameParts(columns, name);
  return second === undefined
    ? t('csv_cell_empty', first)
    : t('csv_contacts_name_parts_empty', first, second);
}

/** The field checks every contact passes (lengths, email), said with the file's column names. */
function fieldProblems(
  row: ContactRow,
  name: (field: ContactColumnField) => string,
  nameLabel: string,
): string[] {
  const problems = contactFieldProblems(newContactFields(row));
  return (Object.entries(problems) as [ContactFieldName, string][]).map(([field, problem]) => {
    const sentence = problem.replace(/\.$/, '');
    switch (field) {
      case 'email':
        return t('csv_contacts_bad_email', name('email'), quoteValue(row.email ?? ''));
      case 'name':
        return t('csv_contacts_field_problem', nameLabel, lowerFirst(sentence));
      case 'address': {
        const part =
          ADDRESS_FIELDS.find(
            (field) => (row.address[field]?.length ?? 0) > CONTACT_TEXT_LIMITS.addressLine,
          ) ?? 'line1';
        return t('csv_contacts_field_problem', name(part), lowerFirst(sentence));
      }
      case 'role':
        return t('csv_contacts_field_problem', name('role'), lowerFirst(sentence));
      default:
        return t('csv_contacts_field_problem', name(field as ContactColumnField), lowerFirst(sentence));
    }
  });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
