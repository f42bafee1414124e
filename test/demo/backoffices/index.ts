/** Every demo back office the server serves. Adding one is a module plus a line here. */
import type { DemoBackOffice } from '../backoffice';
import { benchPages } from './bench';
import { crmBackOffice } from './crm';
import { posBackOffice } from './pos';
import { repairBackOffice } from './repair';
import { repBackOffice } from './rep';

export const demoBackOffices: readonly DemoBackOffice[] = [
  repBackOffice,
  repairBackOffice,
  posBackOffice,
  crmBackOffice,
  benchPages,
];
