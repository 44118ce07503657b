/** What the damaged-records alert says (src/ui/vault/DamageAlert.tsx), in both languages. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/ui/i18n/index';
import { damageSummary } from '../../src/ui/vault/DamageAlert';
import type { DamagedRecord } from '../../src/vault/record-store';

const damaged = (reason: DamagedRecord['reason'], ref: string, kind = 'note'): DamagedRecord => ({ profileId: 'p', kind, ref, reason });

afterEach(() => setLanguage('da'));

describe('damageSummary', () => {
  it('counts damaged records, and names each damaged part of a kind once, without a count', () => {
    setLanguage('da');
    const lines = damageSummary(
      [
        damaged('integrity', 'a'),
        damaged('integrity', 'b'),
        damaged('page-damaged', 'page:g.1'),
        damaged('page-damaged', 'page:g.2'),
        damaged('page-missing', 'page:g.3'),
      ],
      'Jens',
    );
    expect(lines).toEqual([
      'Nogle noter for Jens er beskadiget eller ændret uden for Handlerum: der kan mangle nogle, og nogle kan stå to gange eller være en ældre udgave.',
      'Nogle noter for Jens er slettet uden for Handlerum og mangler derfor.',
      '2 noter for Jens kunne ikke læses. De er beskadigede eller ændret uden for Handlerum.',
    ]);
  });

  it('says a part put back to an older copy in English too', () => {
    setLanguage('en');
    expect(damageSummary([damaged('page-rolled-back', 'page:g.4')], 'Jens')).toEqual([
      'Some notes for Jens were put back to an older copy outside Handlerum: some may be missing, listed twice or an older version.',
    ]);
  });

  it('names every municipal kind in both languages, never the kind’s internal name', () => {
    const kinds = ['municipal-case', 'municipal-decision', 'municipal-payment', 'municipal-activity', 'municipal-document', 'municipal-access-log-entry'];
    for (const language of ['da', 'en'] as const) {
      setLanguage(language);
      for (const kind of kinds) {
        const [page, one] = damageSummary([damaged('page-damaged', 'page:g.1', kind), damaged('integrity', 'a', kind)], 'Henrik');
        expect(page).not.toContain(kind);
        expect(one).not.toContain(kind);
      }
    }
    setLanguage('da');
    expect(damageSummary([damaged('integrity', 'a', 'municipal-payment')], 'Henrik')).toEqual([
      '1 udbetaling for Henrik kunne ikke læses. Den er beskadiget eller ændret uden for Handlerum.',
    ]);
  });
});
