/** English texts of the money screens: exactly the keys of money.da.ts. */
import type { moneyDa } from './money.da';

export const moneyEn: Record<keyof typeof moneyDa, string> = {
};
