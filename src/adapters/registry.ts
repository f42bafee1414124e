import type { BackOfficeAdapter } from './adapter';
import { northwind } from './northwind';
import { pos } from './pos';
import { repair } from './repair';

/** Every back office Tally knows. Adding one is one file, one line here and one fixture folder. */
export const adapters: readonly BackOfficeAdapter[] = [northwind, repair, pos];
