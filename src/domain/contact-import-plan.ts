import type { CountryCode } from 'libphonenumber-js/min';
import type { AddressField, Contact, ContactRole, ExternalId } from './contact';
import {
  applyContactFields,
  contactFieldProblems,
  contactFields,
  editChanges,
  type ContactFields,
} from './contact-edit';
import { contactChanges } from './capture';
import type { FieldChange } from './contact-event';
import { emailKey, externalKey, nameKey, phoneKey } from './contact-keys';
import type { Instant } from './dates';
import { t } from './i18n';

/**
 * One row of a contacts file, read and checked. For each optional text field, `undefined` means
 * the file has no column for it and "" means the cell is empty: with Tally's template an empty
 * cell clears the field, elsewhere it keeps what Tally has.
 */
export interface ContactRow {
  line: number;
  /** The Tally ID the row names (a UUID), when it names one. */
  tallyId?: string;
  name: string;
  company?: string;
  email?: string;
  phone?: string;
  notes?: string;
  /** Absent when the file has no role column or the cell is empty. */
  role?: ContactRole;
  address: { [F in AddressField]?: string };
  tags?: string[];
  /** Ids in back offices; an import only ever adds them. */
  externalIds: ExternalId[];
}

export interface PlanRejection {
  line: number;
  reason: string;
}

export interface PlannedCreate {
  line: number;
  contact: Contact;
  changes: FieldChange[];
}

export interface PlannedUpdate {
  line: number;
  before: Contact;
  contact: Contact;
  changes: FieldChange[];
}

export interface PlannedUnchanged {
  line: number;
  contact: Contact;
}

/** What importing the rows would do, row by row; nothing is written to work it out. */
export interface ContactImportPlan {
  created: PlannedCreate[];
  updated: PlannedUpdate[];
  unchanged: PlannedUnchanged[];
  /** Rows not imported, by line, with why. */
  rejected: PlanRejection[];
}

export interface PlanContext {
  now: Instant;
  defaultCountry: CountryCode;
  newId?: () => string;
}

/** The counts the dry run shows: "12 to create, 3 to update, 40 unchanged, 2 rejected". */
export function planCounts(plan: ContactImportPlan) {
  return {
    created: plan.created.length,
    updated: plan.updated.length,
    unchanged: plan.unchanged.length,
    rejected: plan.rejected.length,
  };
}

/** All rows at once; see createImportPlanner. */
export function planContactImport(
  contacts: readonly Contact[],
  rows: readonly ContactRow[],
  context: PlanContext,
  rejected: readonly PlanRejection[] = [],
): ContactImportPlan {
  const planner = createImportPlanner(contacts, context);
  for (const row of rows) planner.add(row);
  return planner.plan(rejected);
}

/**
 * Matches rows against the stored contacts, one at a time (so a caller can yield between rows
 * of a large file), in DESIGN's order: the row's Tally ID, then a back-office id, then email,
 * then normalised phone, then name — by name only when email and phone do not say it is
 * someone else. The contacts are indexed once, so 10,000 rows against 50,000 contacts cost one
 * pass over each. A row that lands on a contact an earlier row of the file already took is
 * rejected: the file says two different things about one person.
 */
export function createImportPlanner(contacts: readonly Contact[], context: PlanContext) {
  const index = new ContactIndex(contacts);
  const newId = context.newId ?? (() => crypto.randomUUID());
  const claimedBy = new Map<string, number>();
  const plan: ContactImportPlan = { created: [], updated: [], unchanged: [], rejected: [] };

  function add(row: ContactRow): void {
    const found = findTarget(row);
    if ('reason' in found) {
      plan.rejected.push({ line: row.line, reason: found.reason });
      return;
    }
    const existing = found.contact;
    if (existing) {
      const earlier = claimedBy.get(existing.id);
      if (earlier !== undefined) {
        plan.rejected.push({
          line: row.line,
          reason: t('domain_import_same_contact', String(earlier), existing.name),
        });
        return;
      }
    }
    const fields = rowFields(existing, row, row.tallyId !== undefined, context.defaultCountry);
    let after: Contact;
    try {
      after = applyContactFields(existing, fields, {
        newId: newId(),
        now: context.now,
        defaultCountry: context.defaultCountry,
      });
    } catch {
      const problems = Object.values(contactFieldProblems(fields)).join(' ');
      plan.rejected.push({
        line: row.line,
        reason: t('domain_import_cannot_save', problems || t('domain_import_field_invalid')),
      });
      return;
    }
    claimedBy.set(after.id, row.line);
    if (!existing) {
      plan.created.push({ line: row.line, contact: after, changes: contactChanges(undefined, after) });
      index.add(after);
      return;
    }
    const changes = editChanges(existing, after);
    if (changes.length === 0) {
      plan.unchanged.push({ line: row.line, contact: existing });
      return;
    }
    plan.updated.push({ line: row.line, before: existing, contact: after, changes });
    // Later rows may name the contact by its new email or phone.
    index.add(after);
  }

  function findTarget(row: ContactRow): { contact: Contact | undefined } | { reason: string } {
    if (row.tallyId !== undefined) return findByTallyId(row.tallyId);
    const rowEmail = emailKey(row.email);
    const rowPhone = phoneKey(row.phone, context.defaultCountry);
    const sameIds = (contact: Contact) => !contradictsIds(contact, row.externalIds);
    for (const id of row.externalIds) {
      const match = index.byExternal.get(externalKey(id))?.[0];
      if (match) return { contact: match };
    }
    const byEmail = rowEmail === undefined ? undefined : index.byEmail.get(rowEmail)?.find(sameIds);
    if (byEmail) return { contact: byEmail };
    const byPhone = rowPhone === undefined ? undefined : index.byPhone.get(rowPhone)?.find(sameIds);
    if (byPhone) return { contact: byPhone };
    const byName = index.byName
      .get(nameKey(row.name))
      ?.find(
        (contact) =>
          sameIds(contact) && !differs(contact.emailKey, rowEmail) && !differs(contact.phoneKey, rowPhone),
      );
    return { contact: byName };
  }

  function findByTallyId(id: string): { contact: Contact } | { reason: string } {
    const contact = index.byId.get(id);
    if (!contact) {
      return {
        reason: t('domain_import_unknown_id', id),
      };
    }
    if (contact.mergedInto !== undefined) {
      const survivor = index.byId.get(contact.mergedInto);
      return {
        reason: t(
          'domain_import_merged_id',
          id,
          contact.name,
          survivor?.name ?? t('domain_import_another_contact'),
        ),
      };
    }
    if (contact.deletedAt !== undefined) {
      return {
        reason: t('domain_import_deleted_id', id, contact.name),
      };
    }
    return { contact };
  }

  return {
    add,
    /** The plan so far, with the rows the file reader already refused, by line. */
    plan(readRejected: readonly PlanRejection[] = []): ContactImportPlan {
      return {
        ...plan,
        rejected: [...readRejected, ...plan.rejected].sort((a, b) => a.line - b.line),
      };
    },
  };
}

/**
 * The fields to save for a row. A new contact takes the row as it is. An existing one, named by
 * its Tally ID (Tally's own file, `asFile`), takes the file's cells as the truth, an empty cell
 * clearing its field; matched any other way, it keeps what the row leaves empty, keeps how its
 * email and phone are written when the row writes the same ones differently, and gains the
 * row's tags. Back-office ids are only ever added; a missing role keeps the contact's.
 */
function rowFields(
  existing: Contact | undefined,
  row: ContactRow,
  asFile: boolean,
  defaultCountry: CountryCode,
): ContactFields {
  if (!existing) return newContactFields(row);
  const known = contactFields(existing);
  const pick = (value: string | undefined, kept: string | undefined) =>
    asFile ? (value ?? kept) : value ? value : kept;
  const sameEmail = !asFile && emailKey(row.email) !== undefined && emailKey(row.email) === existing.emailKey;
  const samePhone =
    !asFile &&
    phoneKey(row.phone, defaultCountry) !== undefined &&
    phoneKey(row.phone, defaultCountry) === existing.phoneKey;
  const address = { ...known.address };
  for (const [part, value] of Object.entries(row.address) as [AddressField, string][]) {
    address[part] = pick(value, address[part]);
  }
  return {
    name: row.name,
    company: pick(row.company, known.company),
    email: sameEmail ? known.email : pick(row.email, known.email),
    phone: samePhone ? known.phone : pick(row.phone, known.phone),
    notes: pick(row.notes, known.notes),
    role: row.role ?? known.role,
    address,
    tags: asFile ? (row.tags ?? known.tags) : [...(known.tags ?? []), ...(row.tags ?? [])],
    externalIds: [...known.externalIds, ...row.externalIds],
  };
}

/** The fields of a new contact made from the row: the row as it is, a customer unless it says. */
export function newContactFields(row: ContactRow): ContactFields {
  return {
    name: row.name,
    company: row.company,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    role: row.role ?? 'customer',
    address: row.address,
    tags: row.tags,
    externalIds: row.externalIds,
  };
}

/** A contact that already has another id in the same back office is someone else. */
function contradictsIds(contact: Contact, ids: readonly ExternalId[]): boolean {
  return ids.some((id) =>
    contact.externalIds.some(
      (known) => known.backOffice === id.backOffice && known.origin === id.origin && known.id !== id.id,
    ),
  );
}

function differs(known: string | undefined, row: string | undefined): boolean {
  return known !== undefined && row !== undefined && known !== row;
}

/** The stored contacts by each key a row is matched on, oldest first; deleted ones by id only. */
class ContactIndex {
  readonly byId = new Map<string, Contact>();
  readonly byExternal = new Map<string, Contact[]>();
  readonly byEmail = new Map<string, Contact[]>();
  readonly byPhone = new Map<string, Contact[]>();
  readonly byName = new Map<string, Contact[]>();

  constructor(contacts: readonly Contact[]) {
    const oldestFirst = [...contacts].sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
    );
    for (const contact of oldestFirst) {
      this.byId.set(contact.id, contact);
      if (contact.deletedAt === undefined) this.add(contact);
    }
  }

  add(contact: Contact): void {
    this.byId.set(contact.id, contact);
    for (const key of contact.externalKeys) push(this.byExternal, key, contact);
    if (contact.emailKey !== undefined) push(this.byEmail, contact.emailKey, contact);
    if (contact.phoneKey !== undefined) push(this.byPhone, contact.phoneKey, contact);
    push(this.byName, contact.nameKey, contact);
  }
}

function push(map: Map<string, Contact[]>, key: string, contact: Contact): void {
  const list = map.get(key);
  if (list) list.push(contact);
  else map.set(key, [contact]);
}
