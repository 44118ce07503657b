/** Danish texts of the sharing screens (merged into the main catalogue in da.ts). */
export const sharingDa = {
} as const;
