/**
 * The municipalities the vault knows the Citizen Data API address of, for the picker. Today no
 * real municipality offers the API: the list holds only the reference municipality (an invented
 * one, `npm run municipality`, src/municipality-server), and the page says so. Any other address
 * can still be typed. An entry is data, not trust: the sign-in and the signatures are checked as
 * for a typed address.
 */

export interface KnownMunicipality {
  name: string;
  /** The API's origin, as municipalityOrigin() accepts it. */
  origin: string;
  /** The invented reference municipality, not a real one. */
  reference: boolean;
}

export const KNOWN_MUNICIPALITIES: readonly KnownMunicipality[] = [
  // The reference server's default address (src/municipality-server/state.ts).
  { name: 'Vesterå Kommune', origin: 'http://127.0.0.1:8787', reference: true },
];
