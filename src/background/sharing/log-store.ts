/**
 * The vault's own transparency log, kept by the background: appends one at a time, each
 * written with the log's newly signed head in one transaction; the list, the check and the
 * exported file. The chain and the signature are src/sharing/transparency-log.ts; what goes in is
 * sharing's and the vault service's to say.
 */
import type { SharingMethod } from '../../messaging/sharing-api';
import { transparencyEntryKind, transparencyHeadKind, type LogEntry, type LogEntryBody, type SignedLogHead } from '../../records/sharing/index';
import { logFile, nextEntry, signLogHead, verifyLogFile, type LogCheck } from '../../sharing/transparency-log';
import { VAULT_SCOPE, type Vault } from '../../vault/index';
import type { Handlers } from '../../messaging/handlers';
import { SerialQueue } from './serial';

export interface LogStoreDeps {
  vault: Vault;
  now: () => number;
  /** The Ed25519 secret seed that signs the head: the key of the vault's first profile. */
  signingSecretKey: () => Promise<Uint8Array>;
}

const logId = (seq: number): string => `log-${String(seq).padStart(12, '0')}`;
const HEAD_ID = 'head';

export class TransparencyLogStore {
  /** Appends run one after another: each needs the head the one before wrote. */
  private readonly queue = new SerialQueue();

  constructor(private readonly deps: LogStoreDeps) {}

  private get records() {
    return this.deps.vault.records;
  }

  private iso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  append(type: LogEntryBody['type'], profileId: string | null, summary: LogEntryBody['summary']): Promise<LogEntry> {
    return this.queue.run(async () => {
      const entry = nextEntry(await this.linkTo(), { type, at: this.iso(), profileId, summary });
      const head = signLogHead(entry, entry.at, await this.deps.signingSecretKey());
      await this.records.write([
        { op: 'put', profileId: VAULT_SCOPE, kind: transparencyEntryKind.name, id: logId(entry.seq), data: entry },
        { op: 'put', profileId: VAULT_SCOPE, kind: transparencyHeadKind.name, id: HEAD_ID, data: head },
      ]);
      return entry;
    });
  }

  /**
   * What the next entry follows: the signed head, so entries cut off the end stay a visible gap
   * instead of being written over; the last entry only for a log that has no signed head yet.
   */
  private async linkTo(): Promise<Pick<LogEntry, 'seq' | 'hash'> | null> {
    const head = await this.storedHead();
    if (head) return head.seq === 0 ? null : head;
    return (await this.entries()).at(-1) ?? null;
  }

  private async storedHead(): Promise<SignedLogHead | null> {
    return (await this.records.get(VAULT_SCOPE, transparencyHeadKind, HEAD_ID))?.data ?? null;
  }

  /**
   * Entries in seq order, and those the vault could not open. A damaged entry is left out, and
   * the gap it leaves makes the chain fail, as it should.
   */
  private async read(): Promise<{ entries: LogEntry[]; damaged: number }> {
    const { records, damaged } = await this.records.list(VAULT_SCOPE, transparencyEntryKind);
    return { entries: records.map((r) => r.data).sort((a, b) => a.seq - b.seq), damaged: damaged.length };
  }

  private async entries(): Promise<LogEntry[]> {
    return (await this.read()).entries;
  }

  /**
   * The head a file carries: the stored one; for a log without one yet (empty, or written
   * before heads were signed), its end signed now.
   */
  private async headForFile(entries: readonly LogEntry[]): Promise<SignedLogHead> {
    return (await this.storedHead()) ?? signLogHead(entries.at(-1) ?? null, this.iso(), await this.deps.signingSecretKey());
  }

  private async verify(): Promise<LogCheck> {
    const { entries, damaged } = await this.read();
    if (entries.length === 0 && damaged === 0 && !(await this.storedHead())) return { valid: true, count: 0, head: null, signer: null, signedAt: null };
    const check = verifyLogFile(logFile(entries, await this.headForFile(entries), this.iso()));
    // A damaged entry is one the vault could not open: the log is not whole, even if what is left chains.
    if (check.valid && damaged > 0)
      return { valid: false, count: entries.length, brokenAt: 0, reason: 'malformed', detail: `${damaged} entries could not be opened` };
    return check;
  }

  private async exportFile(): Promise<{ fileName: string; json: string }> {
    const entries = await this.entries();
    const exportedAt = this.iso();
    return {
      fileName: `handlerum-log-${exportedAt.slice(0, 10)}.json`,
      json: JSON.stringify(logFile(entries, await this.headForFile(entries), exportedAt), null, 2),
    };
  }

  readonly handlers: Pick<Handlers, Extract<SharingMethod, 'logList' | 'logVerify' | 'logExport'>> = {
    logList: async () => (await this.entries()).reverse(),
    logVerify: async () => this.verify(),
    logExport: async () => this.exportFile(),
  };
}
