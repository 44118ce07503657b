/**
 * Bank file quirks written for the cases where real files lost or garbled text: OFX NAME/MEMO in
 * CDATA, camt.053 coded notes in AddtlNtryInf and batch entries' counterparties, and reserved
 * rows without a date that must keep one key however many days apart they are read in.
 */
import { describe, expect, it } from 'vitest';
import { parseBankFile, transactionKeys } from '../../src/importers/bank/index';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('OFX CDATA and entities', () => {
  const ofx = (trn: string) => `OFXHEADER:100
DATA:OFXSGML
VERSION:102

<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>DKK<BANKACCTFROM><BANKID>1234<ACCTID>5678901234</BANKACCTFROM>
<BANKTRANLIST>${trn}</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;

  it('reads NAME and MEMO inside CDATA as written, with < and & kept', () => {
    const s = parseBankFile(
      utf8(
        ofx(
          '<STMTTRN><TRNTYPE>POS<DTPOSTED>20250304<TRNAMT>-12.50<FITID>1<NAME><![CDATA[Føtex & Co <Vesterbro>]]></NAME><MEMO><![CDATA[Kort ]]>1234</MEMO></STMTTRN>',
        ),
      ),
    );
    expect(s.transactions.map((t) => [t.text, t.counterparty])).toEqual([['Føtex & Co <Vesterbro> Kort 1234', 'Føtex & Co <Vesterbro>']]);
  });

  it('decodes entities outside CDATA, and an unclosed CDATA is a cut-off file', () => {
    const s = parseBankFile(utf8(ofx('<STMTTRN><TRNTYPE>POS<DTPOSTED>20250304<TRNAMT>-1.00<FITID>2<NAME>Bager &amp; Kaffe &#230;bler</STMTTRN>')));
    expect(s.transactions[0]!.text).toBe('Bager & Kaffe æbler');
    expect(() => parseBankFile(utf8(ofx('<STMTTRN><DTPOSTED>20250304<TRNAMT>-1.00<NAME><![CDATA[Bager')))).toThrow(
      expect.objectContaining({ code: 'truncated' }),
    );
  });
});

describe('camt.053 texts', () => {
  const camt = (entries: string) => `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Acct><Id><IBAN>DK5000400440116243</IBAN></Id><Ccy>DKK</Ccy></Acct>${entries}</Stmt></BkToCstmrStmt></Document>`;
  const entry = (inner: string) =>
    `<Ntry><Amt Ccy="DKK">300.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2025-03-05</Dt></BookgDt>${inner}</Ntry>`;

  it('a batch with a coded note shows each counterparty and its remittance text instead', () => {
    const tx = (name: string, text: string) => `<TxDtls><RltdPties><Cdtr><Nm>${name}</Nm></Cdtr></RltdPties><RmtInf><Ustrd>${text}</Ustrd></RmtInf></TxDtls>`;
    const s = parseBankFile(
      utf8(
        camt(
          entry(
            `<AddtlNtryInf>BS:KREDITOR:04711;AFTALE:0012345;</AddtlNtryInf><NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>${tx('Ørsted', 'El marts')}${tx('TDC', 'Mobil')}</NtryDtls>`,
          ),
        ),
      ),
    );
    expect(s.transactions[0]!.text).toBe('Ørsted: El marts; TDC: Mobil');
  });

  it('a single entry with a coded note shows its remittance information, or its counterparty', () => {
    const s = parseBankFile(
      utf8(
        camt(
          entry('<AddtlNtryInf>PBS:DEB:123:456</AddtlNtryInf><NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Fitness Vest</Nm></Cdtr></RltdPties></TxDtls></NtryDtls>') +
            entry('<AddtlNtryInf>OVF:REF:99;</AddtlNtryInf><NtryDtls><TxDtls><RmtInf><Ustrd>Husleje marts</Ustrd></RmtInf></TxDtls></NtryDtls>'),
        ),
      ),
    );
    expect(s.transactions.map((t) => t.text)).toEqual(['Fitness Vest', 'Husleje marts']);
  });

  it('a plain note is still shown', () => {
    const s = parseBankFile(utf8(camt(entry('<AddtlNtryInf>Gebyr: kontoudskrift</AddtlNtryInf>'))));
    expect(s.transactions[0]!.text).toBe('Gebyr: kontoudskrift');
  });
});

describe('reserved rows without a date of their own', () => {
  const nordea =
    'Bogføringsdato;Beløb;Afsender;Modtager;Navn;Beskrivelse;Saldo;Valuta;Afstemt;\nReserveret;-64,00;1234567890;;;Bageriet;;DKK;;\nReserveret;-20,00;1234567890;;;Kiosk Den 03.03;;DKK;;\n2025/03/04;-349,50;1234567890;;;Netto;8812,40;DKK;;\n';

  it('are dated the day they are read in, but keyed without it: read in another day, they are the same rows', () => {
    const monday = parseBankFile(utf8(nordea), { today: '2025-03-05' });
    const tuesday = parseBankFile(utf8(nordea), { today: '2025-03-06' });
    const undated = monday.transactions.find((t) => t.text === 'Bageriet')!;
    expect(undated).toMatchObject({ date: '2025-03-05', pending: true, dateFromImport: true });
    expect(transactionKeys('acct', monday.transactions).sort()).toEqual(transactionKeys('acct', tuesday.transactions).sort());
    // A reserved row whose text dates the purchase keeps that date, and in its key.
    const dated = monday.transactions.find((t) => t.text === 'Kiosk Den 03.03')!;
    expect(dated.date).toBe('2025-03-03');
    expect(dated.dateFromImport).toBeUndefined();
  });

  it('camt PDNG entries without booking or value date too', () => {
    const xml = (today: string) =>
      parseBankFile(
        utf8(`<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>DK5000400440116243</IBAN></Id></Acct>
<Ntry><Amt Ccy="DKK">42.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>PDNG</Sts><AddtlNtryInf>Dankort Bageri</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>`),
        { today },
      );
    expect(transactionKeys('a', xml('2025-03-05').transactions)).toEqual(transactionKeys('a', xml('2025-04-01').transactions));
  });
});

describe('account names from the bank and the number', () => {
  it('camt.053: the servicing bank by its name, else by its BIC (.02 BIC, .08 BICFI)', () => {
    const camt = (svcr: string, ns = '02') =>
      parseBankFile(
        utf8(`<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${ns}"><BkToCstmrStmt><Stmt>
<Acct><Id><IBAN>DK5000400440116243</IBAN></Id><Ccy>DKK</Ccy><Svcr><FinInstnId>${svcr}</FinInstnId></Svcr></Acct>
<Ntry><Amt Ccy="DKK">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2025-03-05</Dt></BookgDt></Ntry></Stmt></BkToCstmrStmt></Document>`),
      ).accounts;
    expect(camt('<BIC>NDEADKKK</BIC>')).toEqual([{ id: 'DK5000400440116243', currency: 'DKK', bank: 'Nordea' }]);
    expect(camt('<BICFI>JYBADKKK</BICFI>', '08')![0]!.bank).toBe('Jyske Bank');
    expect(camt('<BIC>ABCDDKKK</BIC><Nm>Andelskassen Øst</Nm>')![0]!.bank).toBe('Andelskassen Øst');
    expect(camt('<BIC>ZZZZDKKK</BIC>')![0]!.bank).toBe('ZZZZDKKK');
  });

  it('OFX: the sign-on FI/ORG is the bank of every statement', () => {
    const s = parseBankFile(
      utf8(`OFXHEADER:100
DATA:OFXSGML

<OFX><SIGNONMSGSRSV1><SONRS><FI><ORG>Merkur Andelskasse<FID>1234</FI></SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>DKK<BANKACCTFROM><ACCTID>8401-1234567</BANKACCTFROM>
<BANKTRANLIST><STMTTRN><DTPOSTED>20250304<TRNAMT>-1.00<FITID>1<NAME>Kiosk</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`),
    );
    expect(s.accounts).toEqual([{ id: '8401-1234567', currency: 'DKK', bank: 'Merkur Andelskasse' }]);
  });
});

describe('insurance', () => {
  const row = (text: string, amountMinor: number) => ({ date: '2025-03-05', amountMinor, currency: 'DKK', text, pending: false, line: 1 });

  it('a premium is insurance and a payout is income, never utilities', async () => {
    const { categorise } = await import('../../src/importers/bank/index');
    expect(categorise(row('Tryg Forsikring A/S præmie', -123400))).toBe('insurance');
    expect(categorise(row('Topdanmark skadeudbetaling', 500000))).toBe('other-income');
    expect(categorise(row('Husforsikring Codan', -80000))).toBe('insurance');
    expect(categorise(row('Sygeforsikring Danmark tilskud', 25000))).toBe('health');
  });
});
