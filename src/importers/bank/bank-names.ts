/**
 * The bank behind a statement, by the first four letters of its BIC (camt.053 `Svcr/FinInstnId`):
 * an account is named "Danske Bank DK50 0040 …", not after the file format it came in.
 */
const BY_BIC: Record<string, string> = {
  DABA: 'Danske Bank',
  NDEA: 'Nordea',
  JYBA: 'Jyske Bank',
  SYBK: 'Sydbank',
  NYKB: 'Nykredit',
  ALBA: 'Arbejdernes Landsbank',
  SPNO: 'Spar Nord',
  LOSA: 'Lån & Spar Bank',
  RINK: 'Ringkjøbing Landbobank',
  VEHI: 'Vestjysk Bank',
  SKAB: 'Sparekassen Kronjylland',
  MIDL: 'Middelfart Sparekasse',
  FIOB: 'Frøslev-Mollerup Sparekasse',
  LAPN: 'Lunar',
  REVO: 'Revolut',
  HAND: 'Handelsbanken',
};

/** A bank's name for a BIC (`DABADKKK` → `Danske Bank`); a BIC we do not know is kept as written. */
export function bankName(bic: string): string {
  const code = bic.trim().toUpperCase();
  return BY_BIC[code.slice(0, 4)] ?? code;
}

/** An IBAN in groups of four (`DK50 0040 0440 1162 43`); any other account number as written. */
export function accountNumberText(id: string): string {
  const compact = id.replace(/\s/g, '');
  return IBAN.test(compact) ? compact.replace(/(.{4})(?=.)/g, '$1 ') : id;
}
const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;
