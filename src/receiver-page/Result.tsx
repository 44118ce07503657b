/**
 * An opened bundle: who sent it, for which purpose, what, valid from/until and its state, the
 * data as tables, the standard files to download, where the data comes from, and the consent
 * receipt in plain words.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { jwkFingerprint } from '../bundle/keys';
import { describeData } from './data-view';
import { DataTables } from './DataTables';
import { formatDateTime, formatSize } from './format';
import { getLanguage, pick, t, type ReceiverMessageKey } from './i18n';
import { validityAt, type Opened } from './open';
import { checkMunicipalProvenance, jwksUrl } from './provenance-check';
import type { ProvenanceResult } from '../bundle';

const STATE_KEY = { valid: 'result.valid', expired: 'result.expired', notYetValid: 'result.notYetValid' } as const;

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** What a standard copy the vault makes is for; documents by their folder; other files are listed by name alone. */
const KNOWN_FILES: Record<string, ReceiverMessageKey> = {
  'files/transactions.csv': 'files.kind.transactions.csv',
  'files/transactions.ofx': 'files.kind.transactions.ofx',
  'files/activities.ics': 'files.kind.activities.ics',
  'files/health.fhir.json': 'files.kind.health.fhir.json',
};
const kindOf = (path: string): ReceiverMessageKey | undefined =>
  Object.hasOwn(KNOWN_FILES, path) ? KNOWN_FILES[path] : path.startsWith('files/documents/') ? 'files.kind.document' : undefined;

function Downloads({ opened }: { opened: Opened }): JSX.Element {
  // Blob URLs live as long as this view; freed when another bundle is opened.
  const links = useMemo(() => {
    const all = [
      { name: 'data.json', mediaType: 'application/json', bytes: new TextEncoder().encode(`${JSON.stringify(opened.data, null, 2)}\n`) },
      ...opened.files.map((f) => ({ name: baseName(f.path), mediaType: f.mediaType, bytes: f.bytes, kind: kindOf(f.path) })),
    ];
    return all.map((f) => ({ ...f, url: URL.createObjectURL(new Blob([f.bytes.slice().buffer], { type: f.mediaType })) }));
  }, [opened]);
  useEffect(() => () => links.forEach((l) => URL.revokeObjectURL(l.url)), [links]);
  return (
    <ul class="downloads">
      {links.map((l) => (
        <li key={l.name}>
          <a href={l.url} download={l.name}>
            {t('files.download', { name: l.name })}
          </a>
          {'kind' in l && l.kind && <> – {t(l.kind)}</>}{' '}
          <span class="hint">
            ({l.mediaType}, {formatSize(l.bytes.length)})
          </span>
        </li>
      ))}
    </ul>
  );
}

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
            <strong>{t('provenance.municipality', { source: p.source })}</strong>
            <p>{t('provenance.municipalityDetail', { count: p.records.length, kid: p.kid, origin: p.origin })}</p>
            <MunicipalCheck opened={opened} index={i} origin={p.origin} />
          </li>
        ) : (
          <li key={i}>
            <strong>{t('provenance.citizen', { source: p.source })}</strong>
            <p>{t('provenance.citizenDetail')}</p>
            {p.covers && p.covers.length > 0 && <p>{t('provenance.covers', { parts: p.covers.join(', ') })}</p>}
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
          principal: c.piiPrincipal.name,
          date: formatDateTime(c.consentTimestamp),
          recipients: c.recipients.map((r) => r.name).join(', '),
        })}
      </p>
      <dl class="fields">
        <div>
          <dt>{t('consent.purposes')}</dt>
          <dd>{c.purposes.map((p) => pick(p.text)).join('; ')}</dd>
        </div>
        <div>
          <dt>{t('consent.categories')}</dt>
          <dd>{c.dataCategories.join(', ')}</dd>
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
      <p class="hint">{t('consent.receiptId', { id: c.receiptId })}</p>
    </>
  );
}

export function Result({ opened, now, onAnother }: { opened: Opened; now: Date; onAnother(): void }): JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [opened]);
  const m = opened.manifest;
  const state = validityAt(m, now);
  const sections = useMemo(() => describeData(opened.data, getLanguage()), [opened]);
  const fingerprint = jwkFingerprint(m.issuer.jwk);
  return (
    <article class="result" aria-labelledby="result-title">
      <h2 id="result-title" tabIndex={-1} ref={heading}>
        {t('result.title')}
      </h2>
      <p>{t('result.checked')}</p>
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
          <dd data-testid="issuer">{m.issuer.name}</dd>
        </div>
        <div>
          <dt>{t('result.fingerprint')}</dt>
          <dd>
            <code data-testid="fingerprint">{fingerprint}</code>
          </dd>
        </div>
        <div>
          <dt>{t('result.to')}</dt>
          <dd>{m.recipient.name ?? (m.recipient.kind === 'passphrase' ? t('result.toPassphrase') : m.recipient.fingerprint)}</dd>
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
          <dd>{m.scope.categories.join(', ')}</dd>
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
        <DataTables sections={sections} />
      </section>
      <section aria-labelledby="files-title">
        <h3 id="files-title">{t('files.title')}</h3>
        <p>{t('files.intro')}</p>
        <Downloads opened={opened} />
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
