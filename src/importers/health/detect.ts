/**
 * Which health file this is, from its first bytes (≥ 4 KiB when the file is that long). Returns
 * `null` for "not a health file"; it never throws.
 */
export type HealthFileKind = 'apple-health-zip' | 'apple-health-xml' | 'fhir-json';

const HEAD_CHARS = 64 * 1024;

export function detectHealthFile(head: Uint8Array): HealthFileKind | null {
  // A zip's first local file header. We cannot see export.xml's name without reading further,
  // but a zip offered as a health file is an Apple export or nothing we know.
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return 'apple-health-zip';
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, HEAD_CHARS)).replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('<')) {
    // The root element's name decides; the prolog (declaration, DTD, comments) may come first.
    return /<HealthData[\s>/]/.test(text) || /<!DOCTYPE\s+HealthData[\s[>]/.test(text) ? 'apple-health-xml' : null;
  }
  if (start.startsWith('{')) {
    // JSON: a FHIR resource names its type; we look for the member, not parse (the head is cut).
    return /"resourceType"\s*:\s*"[A-Z][A-Za-z]+"/.test(text) ? 'fhir-json' : null;
  }
  return null;
}
