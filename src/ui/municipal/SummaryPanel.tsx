/**
 * "Resumé": a case's or a document's summary, made on the page when asked (src/summaries, no
 * network), shown in its sections with each point's sources; a source that is a document of the
 * case links to it.
 */
import { useState } from 'preact/hooks';
import { SUMMARY_SECTIONS, WORDS, type Summary, type SummarySource } from '../../summaries/index';
import { getLanguage, t, tn } from '../i18n/index';
import { dayText } from './format';
import { RouteLink, type OverviewRoute } from './Links';

export interface SummaryLinks {
  /** The vault id of a case document, by the municipality's id, when it is in the vault. */
  documentVaultId: (recordId: string) => string | undefined;
  go: (to: OverviewRoute) => void;
}

function SourceLine(props: { source: SummarySource; links?: SummaryLinks | undefined }) {
  const { source, links } = props;
  const label = `${source.documentTitle}, ${dayText(source.date)}${source.sentence === undefined ? '' : ` (${t('summary.sentence', { number: source.sentence + 1 })})`}`;
  const vaultId = source.recordType === 'document' ? links?.documentVaultId(source.recordId) : undefined;
  return (
    <li data-source-type={source.recordType} data-source-id={source.recordId}>
      {vaultId && links ? (
        <RouteLink to={{ view: 'document', id: vaultId }} go={links.go}>
          {label}
        </RouteLink>
      ) : (
        label
      )}
    </li>
  );
}

/** At most this many sources under a point; "the case file holds 27 documents" names them all in `covers`. */
const SOURCES_SHOWN = 3;

function SummaryView(props: { summary: Summary; links?: SummaryLinks | undefined }) {
  const { summary } = props;
  const words = WORDS[summary.language];
  return (
    <div class="summary" data-summary-method={summary.method}>
      <h4>{summary.title}</h4>
      <p class="hint">{t('summary.made')}</p>
      {SUMMARY_SECTIONS.map((section) => {
        const points = summary.points.filter((p) => p.section === section);
        if (points.length === 0) return null;
        return (
          <section key={section} class="summary-section" data-section={section}>
            <h5>{words.section[section]}</h5>
            <ul>
              {points.map((p, i) => (
                <li key={i} class="summary-point">
                  <p>{p.text}</p>
                  {p.sources.length > 0 && (
                    <ul class="summary-sources meta" aria-label={t('summary.sources')}>
                      {p.sources.slice(0, SOURCES_SHOWN).map((s, j) => (
                        <SourceLine key={j} source={s} links={props.links} />
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {summary.covers.length > 1 && <p class="meta">{tn('summary.covers', summary.covers.length)}</p>}
    </div>
  );
}

/** A "Resumé" button; the summary is made on the first click and kept while the panel lives. */
export function SummaryPanel(props: { make: (language: 'da' | 'en') => Summary; links?: SummaryLinks }) {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [open, setOpen] = useState(false);
  const toggle = () => {
    if (!summary) setSummary(props.make(getLanguage()));
    setOpen(!open);
  };
  return (
    <section class="panel summary-panel" aria-label={t('summary.show')}>
      <button type="button" aria-expanded={open} onClick={toggle}>
        {open ? t('summary.hide') : t('summary.show')}
      </button>
      {open && summary && <SummaryView summary={summary} links={props.links} />}
    </section>
  );
}
