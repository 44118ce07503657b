/**
 * The write's CPU profile (bench/write-profile.ts) summed up: time by concern, and the heaviest
 * functions by self time.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Concerns by the functions that do them: a sample belongs to the first concern of this list
 * that any function of its stack belongs to (the id tag's noble frames before the JSON's
 * `update`, for one). Names are those of the unminified bench build.
 */
const CONCERNS: [string, RegExp][] = [
  ['GC', /^\(garbage collector\)$/],
  ['idle (waiting on WebCrypto / IndexedDB)', /^\(idle\)$/],
  // Before the id tag: the manifests' Poly1305 has frames of the same names as SHA-256's.
  ['manifests', /^(sealManifest|openManifest|save|saveGroup|load|encodeManifest|decodeManifest)$/],
  // noble's SHA-256 frames too: the tag's own functions may be inlined out of the stack.
  ['id tag (HMAC-SHA256)', /^(keyedTagsUnder|mac|macInto|keyedTag|hmacSha256Framed|process|digestInto|roundClean)$/],
  ['new record ids', /^(newRecordIds|recordIdFromBytes)$/],
  ['schema check (zod)', /^(safeParse|_parse|parse|_zod\w*)$/],
  ['JSON + UTF-8 of records', /^(encode|update)$/],
  ['page layout + WebCrypto calls (seal)', /^(dangerouslySealPage3WithSalt|sealPage3|sealFrame|frameContext|planFrames|pageKey)$/],
  ['bucket bookkeeping', /^(writeGroup|applyChanges|partsToOpen|partsToMerge|finish|BucketWriter|mapKey|wantedTags|mayHoldAny|storedParts)$/],
  ['page store apply (grouping)', /^(apply)$/],
  ['IndexedDB / Dexie calls', /^(land|bulkPut|bulkGet|transaction|toArray|primaryKeys)$/],
  ['bench data (made before the clock)', /^makeNotes$/],
  ['record store write (ops loop)', /^(write)$/],
];

export function summariseWrite(profile: CpuProfile): { byConcern: [string, number][]; heaviest: [string, number][]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const concern = new Map<number, string>();
  const concernOf = (id: number): string => {
    const known = concern.get(id);
    if (known) return known;
    const names: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) names.push(byId.get(at)!.callFrame.functionName);
    // The first concern, in the list's order, that any frame of the stack belongs to.
    const found = CONCERNS.find(([, pattern]) => names.some((name) => pattern.test(name)))?.[0] ?? 'other';
    concern.set(id, found);
    return found;
  };
  const byConcern = new Map<string, number>();
  const self = new Map<string, number>();
  let totalMs = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    totalMs += ms;
    const c = concernOf(id);
    byConcern.set(c, (byConcern.get(c) ?? 0) + ms);
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} :${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { byConcern: sorted(byConcern), heaviest: sorted(self).slice(0, 25), totalMs };
}
