/** Danish texts for synthetic journal notes and documents. */

/** Thomas's rehabilitation case file, oldest first: long enough to need a summary. */
export const REHAB_NOTES: readonly string[] = [
  'Første samtale med borger om rehabiliteringsforløb. Borger fortæller, at han efter et langvarigt sygdomsforløb har svært ved at gå mere end et par hundrede meter. Han har arbejdet 22 år som lagerarbejder og har truckcertifikat. Borger er motiveret for at komme tilbage på arbejdsmarkedet, men er usikker på, hvad han kan holde til. Vi aftalte, at jobcentret indhenter oplysninger fra egen læge.',
  'Anmodning om lægeattest (LÆ 265) sendt til egen læge Ole Vinther. Borger er orienteret om, at lægen vil kontakte ham. Svarfrist 14 dage.',
  'Telefonsamtale med borger. Borger har været til undersøgelse hos egen læge. Han oplever fortsat smerter i hofte og lænd ved stående arbejde. Han sover dårligt og er træt om eftermiddagen. Borger spørger til økonomien, hvis forløbet trækker ud; henvist til Ydelsesservice.',
  'Lægeattest modtaget. Lægen vurderer, at borger kan varetage siddende arbejde med pauser 3–4 timer dagligt. Prognosen er usikker. Lægen anbefaler fortsat genoptræning og en gradvis optrapning. Attesten er journaliseret.',
  'Sundhedskoordinator har gennemgået lægeattesten. Vurdering: helbredsoplysningerne er tilstrækkelige til at planlægge en virksomhedspraktik med lav timetal. Der bør tages hensyn til mulighed for at skifte stilling mellem siddende og stående.',
  'Samtale med borger om praktikmuligheder. Borger ønsker arbejde med kontakt til mennesker og foretrækker lager- eller kontoradministration. Vi drøftede Vesterå Genbrug, hvor der er mulighed for praktik i butik og registrering af varer. Borger er positiv.',
  'Kontakt til Vesterå Genbrug. Virksomheden kan tilbyde praktik 10 timer om ugen fordelt på to dage. Arbejdsopgaverne er registrering af varer ved et skrivebord og let betjening af kunder. Opstart aftalt om 14 dage.',
  'Virksomhedspraktik bevilget i 8 uger. Borger er orienteret om, at han kan søge befordringsgodtgørelse til kørsel i egen bil. Kopi af praktikaftale sendt til borger.',
  'Opfølgning efter første praktikuge. Borger fortæller, at det går godt, men at han har ondt efter dagene. Virksomheden er tilfreds med hans indsats og fremmøde. Vi aftalte at fortsætte uændret og følge op om to uger.',
  'Telefon fra borger: Han har haft en dårlig uge med mange smerter og har meldt sig syg fra praktikken én dag. Han er bekymret for, om det påvirker hans kontanthjælp. Borger er vejledt om, at sygdom skal meldes til jobcentret, og at det ikke i sig selv påvirker ydelsen.',
  'Opfølgning i praktikken sammen med virksomhedens kontaktperson. Borger klarer opgaverne, men har brug for flere pauser end aftalt. Virksomheden kan tilbyde en hæve-sænke-stol. Vi aftalte at prøve med kortere arbejdsdage.',
  'Sundhedskoordinator: Borgers udfordringer i praktikken stemmer overens med lægeattesten. Det anbefales at indhente en speciallægeerklæring, hvis forløbet skal afklare arbejdsevnen endeligt.',
  'Praktikken er afbrudt efter 5 uger på grund af tiltagende smerter. Borger har deltaget aktivt og har mødt stabilt frem. Virksomhedens udtalelse er indhentet og journaliseret.',
  'Udtalelse fra Vesterå Genbrug: Thomas er en stabil og venlig kollega, som løser opgaverne omhyggeligt. Han har svært ved at være på arbejde mere end 3 timer ad gangen. Med de rette hensyn vurderer virksomheden, at han kan bidrage i en fleksibel stilling.',
  'Samtale med borger efter praktikken. Borger er skuffet over, at praktikken måtte afbrydes, men oplever, at han har lært noget om sine grænser. Vi drøftede, at sagen skal forelægges rehabiliteringsteamet med henblik på en indstilling om det videre forløb.',
  'Borger har oplyst, at han har givet advokat Karen Lund fuldmagt til at repræsentere ham i sagen. Fuldmagten er modtaget og journaliseret. Fremover sendes kopi af breve til advokaten.',
  'Advokat Karen Lund har anmodet om aktindsigt i sagen. Anmodningen er sendt til Juridisk kontor til behandling.',
  'Forberedende del af rehabiliteringsplanen er udarbejdet sammen med borger. Borger har læst planen igennem og har haft mulighed for at komme med bemærkninger. Planen beskriver uddannelse, beskæftigelse, helbred og sociale forhold.',
  'Sundhedskoordinator har deltaget i et møde med borger om helbredssituationen. Borger går til genoptræning to gange om ugen og oplever en lille fremgang i gangdistancen. Smerterne er uændrede ved længere tids stående arbejde.',
  'Partshøring sendt til borger og advokat med frist for bemærkninger. Borger er telefonisk orienteret om, at han kan ringe, hvis han har spørgsmål til materialet.',
  'Telefonsamtale med advokat Karen Lund, som oplyser, at der vil komme skriftlige bemærkninger til partshøringen. Advokaten ønsker, at en speciallægeerklæring indhentes, før sagen forelægges rehabiliteringsteamet.',
  'Sagen er booket til møde i rehabiliteringsteamet. Borger er indkaldt og orienteret om, at han kan tage en bisidder med. Indkaldelse sendt via Digital Post.',
];

export const NOTE_OPENINGS = [
  'Telefonsamtale med borger.',
  'Borger har henvendt sig i Borgerservice.',
  'Opfølgende samtale.',
  'Modtaget henvendelse via Digital Post.',
  'Intern drøftelse i teamet.',
  'Møde med borger og bisidder.',
];

export const NOTE_BODIES = [
  'Borger oplyser, at situationen er uændret.',
  'Der er aftalt en ny samtale om fire uger.',
  'Borger er vejledt om reglerne og mulighederne for at søge.',
  'Sagen afventer oplysninger fra en anden myndighed.',
  'Borger har fået kopi af de relevante dokumenter.',
  'Borger er orienteret om klagemulighederne.',
  'Der er indhentet supplerende oplysninger.',
  'Borger ønsker at blive kontaktet via Digital Post.',
];
