/** English texts of the own-files and correction screens: exactly the keys of own.da.ts. */
import type { ownDa } from './own.da';

export const ownEn: Record<keyof typeof ownDa, string> = {
};
