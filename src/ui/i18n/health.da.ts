/** Danish texts of the health screens (merged into the main catalogue in da.ts). */
export const healthDa = {
} as const;
