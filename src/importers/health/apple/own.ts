/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a whole chunk
 * (a MiB of XML) alive for as long as any longer slice of it lives, so every string the import
 * keeps — Map keys, workout fields — must be copied once, or memory grows with the file.
 */
export function own(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** Copies each distinct string once and returns the same copy for equal strings after that. */
export class Interner {
  private readonly seen = new Map<string, string>();
  get(s: string): string {
    let kept = this.seen.get(s);
    if (kept === undefined) {
      kept = own(s);
      this.seen.set(kept, kept);
    }
    return kept;
  }
}
