/** Danish texts of the screens for the citizen's own files and correction requests (merged in da.ts). */
export const ownDa = {
} as const;
