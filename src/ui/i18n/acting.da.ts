/** Danish texts for acting for someone else (powers of attorney) and for what youth rules hold back (merged in da.ts). */
export const actingDa = {
  'error.power-withdrawn': 'Fuldmagten er trukket tilbage, så Handlerum henter ikke flere oplysninger på den. Det, der allerede er hentet, er bevaret.',
  'error.power-expired': 'Fuldmagten er udløbet, så Handlerum henter ikke flere oplysninger på den. Det, der allerede er hentet, er bevaret.',
  'error.power-not-yet-valid': 'Fuldmagten gælder ikke endnu. Log ind igen, når den gælder. Det, der allerede er hentet, er bevaret.',
  'error.power-invalid':
    'Kommunen kender ikke en fuldmagt, der lader dig handle for denne person. Log ind igen, og vælg den rigtige person. Det, der allerede er hentet, er bevaret.',
  'error.power-conflict':
    'Der gælder to fuldmagter mellem jer med forskelligt indhold, så kommunen viser ingen af dem. Den, der har givet fuldmagterne, skal trække den ene tilbage.',
  'error.outside-power-of-attorney': 'Fuldmagten dækker ikke alt det valgte, så det kan ikke deles. Vælg kun det, fuldmagten dækker. Intet er sendt.',
  'error.power-outside': 'Fuldmagten dækker ikke disse oplysninger, så kommunen viser dem ikke.',

  'basis.label': 'Hvad oplysningerne bygger på',
  'basis.youth':
    'Noget af det, {municipality} har om dig, bliver holdt tilbage, indtil du fylder 18 år – for nogle emner en anden alder. Hvad det er, står ikke her. Vil du vide mere, så spørg Borgerservice i {municipality} eller en af dine forældre.',
  'basis.power': 'Du handler for {name} med en fuldmagt ({id}) fra {from} til og med {until}.',
  'basis.powerOpen': 'Du handler for {name} med en fuldmagt ({id}) fra {from}, indtil den trækkes tilbage.',
  'basis.covers': 'Fuldmagten dækker {categories}.',
  'basis.notCovered': 'Ikke vist, fordi fuldmagten ikke dækker det: {categories}.',
  'basis.excluded': 'Heller ikke vist: emner om {topics}.',
  'basis.signInFor':
    'Når kommunens login åbner, så log ind som dig selv, og vælg at handle på vegne af {name}. Kommunen viser kun det, din fuldmagt eller forældremyndighed dækker.',
  'basis.endedChoice': 'Du har stadig den kopi, der allerede er hentet. Vil du beholde den eller slette den?',
  'basis.keepCopy': 'Behold kopien',
  'basis.deleteCopy': 'Slet kopien',
  'basis.kept': 'Du har valgt at beholde kopien. Den bliver ikke opdateret.',
  'basis.deleteTitle': 'Slette oplysningerne fra {municipality} om {name}?',
  'basis.deleteBody':
    'Alle oplysninger fra {municipality} i denne profil slettes, og forbindelsen fjernes. Noter og filer, du selv har lagt her, bliver. Det kan ikke fortrydes.',
  'basis.deleteConfirm': 'Slet oplysningerne',
  'basis.deleted': 'Oplysningerne fra {municipality} er slettet.',
  'basis.cat.cases': 'sager',
  'basis.cat.decisions': 'afgørelser',
  'basis.cat.payments': 'udbetalinger',
  'basis.cat.activities': 'aftaler og frister',
  'basis.cat.documents': 'dokumenter',
  'basis.cat.access-log': 'loggen over, hvem der har set oplysningerne',

  'powers.title': 'Fuldmagter, du har givet',
  'powers.none': 'Du har ikke givet nogen fuldmagter hos {municipality}.',
  'powers.notListed': '{municipality} viser ikke her, hvilke fuldmagter du har givet. Du kan se dine digitale fuldmagter og trække dem tilbage på borger.dk.',
  'powers.period': 'Fra {from} til og med {until}.',
  'powers.periodOpen': 'Fra {from}, indtil du trækker den tilbage.',
  'powers.status.active': 'Gælder nu.',
  'powers.status.not-yet-valid': 'Gælder endnu ikke.',
  'powers.status.expired': 'Er udløbet.',
  'powers.status.withdrawn': 'Trukket tilbage {when}.',
  'powers.withdraw': 'Træk fuldmagten tilbage',
  'powers.withdrawTitle': 'Trække fuldmagten til {name} tilbage?',
  'powers.withdrawBody':
    '{name} kan ikke længere se dine oplysninger hos {municipality}, fra næste gang {name} prøver. Det, {name} allerede har hentet, kan Handlerum ikke slette hos {name}.',
  'powers.withdrawConfirm': 'Træk tilbage',
  'powers.withdrawing': 'Trækker fuldmagten tilbage …',
  'powers.withdrawn': 'Fuldmagten til {name} er trukket tilbage.',
};
