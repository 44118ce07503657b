/**
 * The index.html `receiver open` writes beside the files: the bundle as a person reads it, in
 * the reader's language, with the same words as the receiver page. Pure.
 */
import type { OpenResult } from '../bundle/index';
import { readableHtml } from '../receiver-view/html';
import { readableView } from '../receiver-view/model';
import type { Lang } from './cli-text';

export function readableIndex(opened: Extract<OpenResult, { ok: true }>, checkedAt: Date, lang: Lang): string {
  const m = opened.manifest;
  const files = [{ path: 'data.json', size: opened.dataJson.length }, ...opened.files.map((f) => ({ path: f.path, size: f.bytes.length }))];
  return readableHtml(
    readableView(opened.data, lang),
    {
      issuer: m.issuer.name,
      recipient: m.recipient.name ?? '',
      purpose: m.purpose.text[lang],
      what: m.scope.description[lang],
      issuedAt: m.issuedAt,
      validFrom: m.notBefore,
      validUntil: m.expiresAt,
      checkedAt,
    },
    files,
  );
}
