/** English texts of the sharing screens: exactly the keys of sharing.da.ts. */
import type { sharingDa } from './sharing.da';

export const sharingEn: Record<keyof typeof sharingDa, string> = {
};
