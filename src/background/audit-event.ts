/** What the vault service reports to the transparency log (no personal data: kinds and counts). */
export type AuditEvent =
  | { type: 'export'; what: 'backup' }
  | { type: 'deletion'; what: 'profile' | 'damaged-records'; profileId: string; counts?: Record<string, number> }
  | { type: 'import'; profileId: string; counts: Record<string, number> };
