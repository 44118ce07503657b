/**
 * An opened bundle: who sent it, for which purpose, what, valid from/until and its state, the
 * data as tables, the standard files to download, where the data comes from, and the consent
 * receipt in plain words.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { humanFingerprintOf, jwkFingerprint } from '../bundle/keys';
import { visible } from '../bundle/visible';
import { readableView } from '../receiver-view/model';
import { categoryWords, partWords } from '../receiver-view/words';
import { describeData } from './data-view';
import { DataTables } from './DataTables';
import { Readable } from './Readable';
import { Downloads } from './Downloads';
import { formatDateTime } from './format';
import { getLanguage, pick as pickText, t } from './i18n';
import { validityAt, type Opened } from './open';
import { checkMunicipalProvenance, jwksUrl } from './provenance-check';
import { Revocation } from './Revocation';
import type { ProvenanceResult } from '../bundle';

/** A signed text the sender chose, in the page's language, with its controls and bidi characters escaped. */
const pick = (text: { da: string; en: string }): string => visible(pickText(text), true);

const STATE_KEY = {
  valid: 'result.valid',
  expired: 'result.expired',
  notYetValid: 'result.notYetValid',
  revoked: 'result.revoked',
  unchecked: 'result.unchecked',
} as const;

/** The municipality's signature, checked on request against its key file loaded by the reader. */
function MunicipalCheck({ opened, index, origin }: { opened: Opened; index: number; origin: string }): JSX.Element {
  const [outcome, setOutcome] = useState<{ name: string; result: ProvenanceResult | null } | null>(null);
  const id = `jwks-${index}`;
  const load = async (file: File | null | undefined) => {
    if (!file) return;
    const text = file.size > 1024 * 1024 ? '' : await file.text().catch(() => '');
    const results = checkMunicipalProvenance([opened.provenance[index]!], opened.data, text);
    setOutcome({ name: file.name, result: results?.[0] ?? null });
  };
  const result = outcome?.result;
  return (
    <>
      <p class="hint">{t('provenance.checkHint', { url: jwksUrl(origin) })}</p>
      <label for={id}>{t('provenance.jwksLabel')}</label>
      <input id={id} type="file" accept=".json,application/json" onChange={(e) => void load(e.currentTarget.files?.[0])} />
      <p role="status" class={result && !result.ok ? 'problem' : 'checked'} data-testid={`provenance-check-${index}`}>
        {outcome === null
          ? ''
          : result === null || result === undefined
            ? t('provenance.notJson', { name: outcome.name })
            : result.ok
              ? t('provenance.verified', { name: outcome.name, count: result.records.length })
              : t(`provenance.failed.${result.reason}`)}
      </p>
    </>
  );
}

function Provenance({ opened }: { opened: Opened }): JSX.Element {
  if (opened.provenance.length === 0) return <p>{t('provenance.none')}</p>;
  return (
    <ul class="provenance">
      {opened.provenance.map((p, i) =>
        p.attestedBy === 'municipality' ? (
          <li key={i}>
            <strong>{t('provenance.municipality', { source: visible(p.source) })}</strong>
            <p>{t('provenance.municipalityDetail', { count: p.records.length, kid: visible(p.kid), origin: p.origin })}</p>
            <MunicipalCheck opened={opened} index={i} origin={p.origin} />
          </li>
        ) : (
          <li key={i}>
            <strong>{t('provenance.citizen', { source: visible(p.source) })}</strong>
            <p>{t('provenance.citizenDetail')}</p>
            {p.covers && p.covers.length > 0 && <p>{t('provenance.covers', { parts: partWords(p.covers, getLanguage()) })}</p>}
          </li>
        ),
      )}
    </ul>
  );
}

function Consent({ opened }: { opened: Opened }): JSX.Element {
  const c = opened.consent;
  return (
    <>
      <p>
        {t('consent.given', {
          principal: visible(c.controller.name),
          date: formatDateTime(c.consentTimestamp),
          recipients: visible(c.recipients.map((r) => r.name).join(', ')),
        })}
      </p>
      {c.representation && <p class="representation">{pick(c.representation.text)}</p>}
      <dl class="fields">
        <div>
          <dt>{t('consent.purposes')}</dt>
          <dd>{c.purposes.map((p) => pick(p.text)).join('; ')}</dd>
        </div>
        <div>
          <dt>{t('consent.categories')}</dt>
          <dd>{categoryWords(c.dataCategories, getLanguage())}</dd>
        </div>
        <div>
          <dt>{t('consent.ends')}</dt>
          <dd>
            {pick(c.termination.text)} ({formatDateTime(c.termination.expiresAt)})
          </dd>
        </div>
        <div>
          <dt>{t('consent.withdraw')}</dt>
          <dd>
            {pick(c.withdrawal.text)}
            {c.withdrawal.endpoint && <> {t('consent.withdrawEndpoint', { endpoint: c.withdrawal.endpoint })}</>}
          </dd>
        </div>
        <div>
          <dt>{t('consent.delete')}</dt>
          <dd>{pick(c.deletion.text)}</dd>
        </div>
      </dl>
      <p class="hint">{t('consent.receiptId', { id: visible(c.receiptId) })}</p>
    </>
  );
}

/**
 * data.json as tables, behind "Vis rå data": built and drawn only while open, since a large
 * bundle's tables would otherwise hold thousands of hidden elements.
 */
function RawData({ data }: { data: Record<string, unknown> }): JSX.Element {
  const [open, setOpen] = useState(false);
  const view = useMemo(() => (open ? describeData(data, getLanguage()) : null), [open, data]);
  return (
    <details class="raw-data no-print" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('data.raw')}</summary>
      <p class="hint">{t('data.rawHint')}</p>
      {view && <DataTables sections={view.sections} complete={view.complete} />}
    </details>
  );
}

export function Result({ opened, now, onAnother }: { opened: Opened; now: Date; onAnother(): void }): JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [opened]);
  const m = opened.manifest;
  const [revokedAt, setRevokedAt] = useState<string | null>(null);
  const [statusUnknown, setStatusUnknown] = useState(false);
  const byDates = validityAt(m, now);
  // A status check that could not be made never leaves the bundle reading as valid.
  const state = revokedAt ? 'revoked' : statusUnknown && byDates === 'valid' ? 'unchecked' : byDates;
  const readable = useMemo(() => readableView(opened.data, getLanguage()), [opened]);
  // The print view draws every item and text in full; it stays until the reader goes back.
  const [printAll, setPrintAll] = useState(false);
  useEffect(() => {
    if (printAll) window.print();
  }, [printAll]);
  // data.json as it came (not re-serialised: the same bytes as signed), then the other files.
  const files = useMemo(() => [{ path: 'data.json', mediaType: 'application/json', bytes: opened.dataJson }, ...opened.files], [opened]);
  const fingerprint = jwkFingerprint(m.issuer.jwk);
  return (
    <article class="result" aria-labelledby="result-title">
      <h2 id="result-title" tabIndex={-1} ref={heading}>
        {t('result.title')}
      </h2>
      <p>{t('result.checked')}</p>
      {revokedAt && (
        <p class="withdrawn" role="alert" data-testid="withdrawn">
          {t('revocation.withdrawn', { date: formatDateTime(revokedAt) })}
        </p>
      )}
      <dl class="fields summary">
        <div>
          <dt>{t('result.state')}</dt>
          <dd>
            <strong class={`state state-${state}`} data-testid="validity">
              {t(STATE_KEY[state])}
            </strong>
          </dd>
        </div>
        <div>
          <dt>{t('result.from')}</dt>
          <dd data-testid="issuer">{visible(m.issuer.name)}</dd>
        </div>
        <div>
          <dt>{t('result.fingerprint')}</dt>
          <dd>
            <code data-testid="fingerprint" data-fingerprint={fingerprint}>
              {humanFingerprintOf(fingerprint)}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t('result.to')}</dt>
          <dd>
            {m.recipient.name
              ? visible(m.recipient.name)
              : m.recipient.kind === 'passphrase'
                ? t('result.toPassphrase')
                : humanFingerprintOf(m.recipient.fingerprint)}
          </dd>
        </div>
        <div>
          <dt>{t('result.purpose')}</dt>
          <dd data-testid="purpose">{pick(m.purpose.text)}</dd>
        </div>
        <div>
          <dt>{t('result.what')}</dt>
          <dd>{pick(m.scope.description)}</dd>
        </div>
        <div>
          <dt>{t('result.categories')}</dt>
          <dd>{categoryWords(m.scope.categories, getLanguage())}</dd>
        </div>
        <div>
          <dt>{t('result.issuedAt')}</dt>
          <dd>{formatDateTime(m.issuedAt)}</dd>
        </div>
        <div>
          <dt>{t('result.validFrom')}</dt>
          <dd>{formatDateTime(m.notBefore)}</dd>
        </div>
        <div>
          <dt>{t('result.validUntil')}</dt>
          <dd data-testid="valid-until">{formatDateTime(m.expiresAt)}</dd>
        </div>
        <div>
          <dt>{t('result.bundleId')}</dt>
          <dd>
            <code>{m.id}</code>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="data-title">
        <h3 id="data-title">{t('data.title')}</h3>
        <div class="no-print print-actions">
          <button type="button" onClick={() => (printAll ? window.print() : setPrintAll(true))}>
            {t('print.all')}
          </button>
          {printAll && (
            <button type="button" class="secondary" onClick={() => setPrintAll(false)}>
              {t('print.back')}
            </button>
          )}
        </div>
        <p class="hint no-print">{printAll ? t('print.allShown') : t('print.hint')}</p>
        {!printAll && <p class="print-only">{t('print.partOnly')}</p>}
        <Readable blocks={readable.blocks} files={opened.files} all={printAll} />
        <RawData data={opened.data} />
      </section>
      <section aria-labelledby="files-title">
        <h3 id="files-title">{t('files.title')}</h3>
        <p>{t('files.intro')}</p>
        <Downloads files={files} />
      </section>
      <section aria-labelledby="revocation-title">
        <h3 id="revocation-title">{t('revocation.title')}</h3>
        <Revocation manifest={m} onWithdrawn={setRevokedAt} onStatus={(s) => setStatusUnknown(s.state === 'unknown')} />
      </section>
      <section aria-labelledby="provenance-title">
        <h3 id="provenance-title">{t('provenance.title')}</h3>
        <Provenance opened={opened} />
      </section>
      <section aria-labelledby="consent-title">
        <h3 id="consent-title">{t('consent.title')}</h3>
        <Consent opened={opened} />
      </section>
      <button type="button" onClick={onAnother}>
        {t('result.openAnother')}
      </button>
    </article>
  );
}
