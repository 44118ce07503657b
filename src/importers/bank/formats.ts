/** Every format the bank importers recognise: stable ids (stored with an import) and labels. */
import type { BankFormat } from './types';

function f<const Id extends string>(id: Id, label: string): BankFormat & { id: Id } {
  return { id, label };
}

export const FORMAT = {
  danskeBank: f('danske-bank', 'Danske Bank'),
  danskeBankCategories: f('danske-bank-categories', 'Danske Bank (med kategorier)'),
  nordeaLegacy: f('nordea-legacy', 'Nordea (gammel netbank)'),
  nordea2022: f('nordea-2022', 'Nordea (2022)'),
  nordea: f('nordea', 'Nordea'),
  jyskeBank: f('jyske-bank', 'Jyske Bank'),
  sydbank: f('sydbank', 'Sydbank / Bankdata'),
  laanSpar: f('laan-spar', 'Lån & Spar Bank'),
  laanSparHeaderless: f('laan-spar-headerless', 'Lån & Spar Bank / BankNordik (uden overskrift)'),
  becHeaderless: f('bec-headerless', 'BEC-bank (Arbejdernes Landsbank, Merkur m.fl.)'),
  portalbankHeaderless: f('portalbank-headerless', 'Portalbank (Sparekassen Thy, Middelfart Sparekasse)'),
  sparekassenHeaderless: f('sparekassen-headerless', 'Sparekasse'),
  sparekassenBusiness: f('sparekassen-business', 'Sparekasse (erhverv)'),
  nykredit: f('nykredit', 'Nykredit'),
  lunar: f('lunar', 'Lunar'),
  revolut: f('revolut', 'Revolut'),
  camt053: f('camt053', 'ISO 20022 camt.053'),
  ofx: f('ofx', 'OFX'),
  mapped: f('mapped', 'Egen kolonneopsætning'),
} as const;

/** All formats, for the meta-test and the UI's list of supported banks. */
export const BANK_FORMATS: readonly BankFormat[] = Object.values(FORMAT);
