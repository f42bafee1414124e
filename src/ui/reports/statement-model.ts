import { batch, computed, signal } from '@preact/signals';
import { statementCsv, statementFileName } from '../../csv/reports-export';
import { inPeriod } from '../../domain/contact-stats';
import { todayLocal, type CalendarDate } from '../../domain/dates';
import { errorMessage } from '../../domain/errors';
import { t, tPlural, uiLanguage } from '../../domain/i18n';
import type { PurchaseRecord } from '../../domain/purchase';
import { lastTwelveMonths } from '../../domain/reports/report-period';
import { customerStatement, type Statement } from '../../domain/reports/statement';
import { getContact } from '../../db/contacts';
import type { TallyDatabase } from '../../db/database';
import { listContactPurchases } from '../../db/purchases';
import { readSetting } from '../../db/settings';
// Small plain data; the PDF code itself (jspdf) is imported where the PDF is made.
import { statementLayout } from '../../pdf/statement-layout';
import { failedWith, userAction } from '../user-action';
import { createPeriodFields } from './period-fields';

export interface StatementDeps {
  db: TallyDatabase;
  /** How amounts and dates are written, and the paper (Letter or A4); the browser's when absent. */
  locale?: string;
  /** Offers a file to the user (downloadBlob). */
  download(filename: string, blob: Blob): void;
  /** Today's calendar date where the user is; tests pin it. */
  today?: () => CalendarDate;
}

/**
 * A contact's statement for a period, downloaded as a PDF or CSV: `Statement from` and
 * `Statement to` (the last 12 months to start with), how many purchases and samples they cover,
 * and the two downloads. Each download reads the orders afresh, so it has what was just recorded.
 */
export function createStatementModel(deps: StatementDeps, contactId: string) {
  const today = deps.today ?? todayLocal;
  const fields = createPeriodFields(lastTwelveMonths(today()), {
    from: t('reports_statement_from'),
    to: t('reports_statement_to'),
  });
  const records = signal<readonly PurchaseRecord[]>([]);
  const error = signal<string | null>(null);
  const status = signal<string | null>(null);
  const busy = signal(false);

  /** "3 purchases and 1 sample in this period", or null while the period is wrong. */
  const summary = computed(() => {
    const period = fields.period.value;
    if (!period) return null;
    const covered = records.value.filter((record) => inPeriod(record.purchaseDate, period));
    const purchases = covered.filter((record) => record.kind === 'purchase').length;
    const samples = covered.length - purchases;
    if (covered.length === 0) return t('reports_statement_nothing');
    const purchased = tPlural('reports_purchases', purchases);
    return samples > 0
      ? t('reports_statement_covers_both', purchased, tPlural('reports_samples', samples))
      : t('reports_statement_covers', purchased);
  });

  async function refresh() {
    try {
      const list = await listContactPurchases(deps.db, contactId);
      batch(() => {
        records.value = list;
        error.value = null;
      });
    } catch (failure) {
      error.value = t('reports_statement_not_loaded', errorMessage(failure));
    }
  }

  /** The statement as it is now, or null (with the reason shown) when it cannot be made. */
  async function build(): Promise<Statement | null> {
    const period = fields.period.value;
    if (!period) {
      error.value = t('reports_fix_statement_period');
      return null;
    }
    const [contact, list, template] = await Promise.all([
      getContact(deps.db, contactId),
      listContactPurchases(deps.db, contactId),
      readSetting(deps.db, 'receiptTemplate'),
    ]);
    if (!contact) {
      error.value = t('reports_contact_gone');
      return null;
    }
    records.value = list;
    return customerStatement({ contact, records: list, period, shop: template, issuedOn: today() });
  }

  const act = userAction({ busy, error });
  async function run(what: string, make: (statement: Statement) => Promise<{ name: string; blob: Blob }>) {
    if (busy.value) return;
    status.value = null;
    await act(failedWith('reports_statement_not_made', what), async () => {
      const statement = await build();
      if (!statement) return;
      const file = await make(statement);
      deps.download(file.name, file.blob);
      status.value = t('reports_downloaded', file.name);
    });
  }

  function downloadPdf() {
    return run('PDF', async (statement) => {
      const { statementPdf } = await import('../../pdf/statement-pdf');
      const pdf = statementPdf(statementLayout(statement, deps.locale ?? uiLanguage()));
      return {
        name: statementFileName(statement, 'pdf'),
        blob: new Blob([pdf], { type: 'application/pdf' }),
      };
    });
  }

  function downloadCsv() {
    return run('CSV', async (statement) => ({
      name: statementFileName(statement, 'csv'),
      blob: new Blob([statementCsv(statement)], { type: 'text/csv;charset=utf-8' }),
    }));
  }

  return { fields, summary, error, status, busy, refresh, downloadPdf, downloadCsv };
}

export type StatementModel = ReturnType<typeof createStatementModel>;
