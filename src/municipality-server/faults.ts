/**
 * Test-mode fault injection, so a client's error handling can be tested against a real server:
 * arm a fault for a path prefix, optionally after letting some requests through ("a 401 in the
 * middle of a sync" = skip 2), for a number of requests.
 */
import { z } from 'zod';

export const FAULT_KINDS = [
  'bad-signature', // the page JWS does not verify
  'tampered-record', // a record was changed after signing (digest mismatch)
  'server-error', // 500 problem+json
  'not-found', // 404 problem+json, as from an older server without the endpoint
  'malformed-json', // 200 with a truncated JSON body
  'unauthorized', // the access token expires now: 401, refresh needed
  'drop-connection', // the socket is destroyed without a response
  'delay', // the response comes after delayMs
] as const;

export const FaultSpec = z.object({
  kind: z.enum(FAULT_KINDS),
  path: z.string().startsWith('/').default('/citizen/v1/'),
  skip: z.int().min(0).default(0),
  times: z.int().min(1).default(1),
  delayMs: z.int().min(0).max(60_000).default(0),
});
export type FaultSpec = z.infer<typeof FaultSpec>;
export type FaultKind = FaultSpec['kind'];

interface ArmedFault extends FaultSpec {
  readonly id: number;
  remainingSkip: number;
  remainingTimes: number;
}

export class FaultBoard {
  private faults: ArmedFault[] = [];
  private counter = 0;

  arm(spec: FaultSpec): number {
    const id = ++this.counter;
    this.faults.push({ ...spec, id, remainingSkip: spec.skip, remainingTimes: spec.times });
    return id;
  }

  /** The fault that hits this request, if any (counts the request against every matching fault). */
  take(path: string): FaultSpec | undefined {
    let hit: ArmedFault | undefined;
    for (const fault of this.faults) {
      if (!path.startsWith(fault.path)) continue;
      if (fault.remainingSkip > 0) {
        fault.remainingSkip -= 1;
        continue;
      }
      if (!hit) {
        hit = fault;
        fault.remainingTimes -= 1;
      }
    }
    this.faults = this.faults.filter((f) => f.remainingTimes > 0);
    return hit;
  }

  list(): (FaultSpec & { id: number; remainingSkip: number; remainingTimes: number })[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}
