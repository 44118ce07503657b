/** Danish texts of the money screens (merged into the main catalogue in da.ts). */
export const moneyDa = {
} as const;
