/** English texts of the health screens: exactly the keys of health.da.ts. */
import type { healthDa } from './health.da';

export const healthEn: Record<keyof typeof healthDa, string> = {
};
