/** A bundle's files offered for download as they came, each with what it is for and its size. */
import { useEffect, useMemo } from 'preact/hooks';
import type { JSX } from 'preact';
import type { BundleFile } from '../bundle';
import { formatSize } from './format';
import { t, type ReceiverMessageKey } from './i18n';

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

export function Downloads({ files }: { files: readonly BundleFile[] }): JSX.Element {
  // Blob URLs live as long as this view; freed when another bundle is opened.
  const links = useMemo(
    () =>
      files.map((f) => ({
        path: f.path,
        name: baseName(f.path),
        mediaType: f.mediaType,
        size: f.bytes.length,
        kind: kindOf(f.path),
        url: URL.createObjectURL(new Blob([f.bytes.slice().buffer], { type: f.mediaType })),
      })),
    [files],
  );
  useEffect(() => () => links.forEach((l) => URL.revokeObjectURL(l.url)), [links]);
  return (
    <ul class="downloads">
      {links.map((l) => (
        <li key={l.path}>
          <a href={l.url} download={l.name}>
            {t('files.download', { name: l.name })}
          </a>
          {l.kind && <> – {t(l.kind)}</>}{' '}
          <span class="hint">
            ({l.mediaType}, {formatSize(l.size)})
          </span>
        </li>
      ))}
    </ul>
  );
}
