import type { BuyBack } from '../domain/buyback';
import type { Contact } from '../domain/contact';
import { CalendarDate } from '../domain/dates';
import { t } from '../domain/i18n';
import { getContactsById } from './contacts';
import type { TallyDatabase } from './database';

/** What the dealer report of one day is made from (see csv/dealer-report.ts). */
export interface DealerReportData {
  day: CalendarDate;
  /** The live buy-backs paid out on that day. */
  buyBacks: BuyBack[];
  /** Their sellers, deleted contacts included: the report is about who sold, not who is listed now. */
  contacts: Map<string, Contact>;
}

/** Reads the buy-backs paid out on `day` (by the payout's calendar day) and their sellers. */
export async function loadDealerReport(db: TallyDatabase, day: string): Promise<DealerReportData> {
  if (!CalendarDate.safeParse(day).success) throw new Error(t('db_not_a_date', day));
  return db.transaction('r', db.buyBacks, db.contacts, async () => {
    const paid = await db.buyBacks.where('payout.paidOn').equals(day).toArray();
    const buyBacks = paid.filter((buyBack) => buyBack.deletedAt === undefined);
    const contacts = await getContactsById(
      db,
      buyBacks.map((buyBack) => buyBack.contactId),
    );
    return { day, buyBacks, contacts };
  });
}
