/**
 * Test-mode only: arm faults, get tokens without the browser, change a citizen's data (for
 * incremental sync tests) and reset. Never mounted unless the server runs with --test-mode.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { IsoDate, RECORD_SCHEMA_OF, ResourceName, type TokenResponse } from '../../municipal/api/schemas';
import { toCopenhagenIso } from '../data/dates';
import { FaultSpec } from '../faults';
import { problem } from '../problem';
import type { MunicipalityState } from '../state';
import { mayActFor } from './oauth';
import { Id } from '../../municipal/api/primitives';

const NewPower = z.strictObject({
  id: Id,
  grantor: z.string(),
  representative: z.string(),
  categories: z.array(ResourceName),
  excludedTopics: z.array(z.string()).default([]),
  validFrom: IsoDate,
  validUntil: IsoDate.optional(),
});

const Change = z.discriminatedUnion('op', [
  z.object({ op: z.literal('update'), resource: ResourceName, id: z.string(), patch: z.record(z.string(), z.unknown()).default({}) }),
  z.object({ op: z.literal('delete'), resource: ResourceName, id: z.string() }),
  z.object({ op: z.literal('add'), resource: ResourceName, record: z.record(z.string(), z.unknown()) }),
]);

export function testModeRoutes(state: MunicipalityState): Hono {
  const app = new Hono();

  app.post('/faults', async (c) => {
    const spec = FaultSpec.safeParse(await c.req.json().catch(() => undefined));
    if (!spec.success) return problem(c, 'invalid-request', 400, spec.error.message);
    return c.json({ id: state.faults.arm(spec.data) }, 201);
  });
  app.get('/faults', (c) => c.json({ faults: state.faults.list() }));
  app.delete('/faults', (c) => {
    state.faults.clear();
    return c.body(null, 204);
  });

  app.post('/tokens', async (c) => {
    const body = z
      .object({ citizenId: z.string(), actorId: z.string().optional(), powerOfAttorneyId: z.string().optional(), clientId: z.string().default('test-client') })
      .safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return problem(c, 'invalid-request', 400, body.error.message);
    const actor = body.data.actorId ?? body.data.citizenId;
    const { citizenId, powerOfAttorneyId, clientId } = body.data;
    if (powerOfAttorneyId !== undefined) {
      // The same check as every request will make: a forged, ended or conflicting power gets no token.
      const check = state.powers.check(powerOfAttorneyId, actor, citizenId, state.currentDay());
      if (!check.ok) return problem(c, check.code, check.status, check.detail);
    } else if (!mayActFor(actor, citizenId)) return problem(c, 'invalid-request', 400, 'that sign-in is not possible');
    const issued = state.tokens.issueDirect({
      subject: citizenId,
      actor,
      relation: powerOfAttorneyId !== undefined ? 'power-of-attorney' : actor === citizenId ? 'self' : 'custody',
      ...(powerOfAttorneyId !== undefined ? { powerOfAttorneyId } : {}),
      clientId,
    });
    const response: TokenResponse = {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      refresh_token: issued.refreshToken,
      scope: 'citizen-data',
    };
    return c.json(response);
  });

  // A power of attorney as the municipality's own case system would register it.
  app.post('/powers-of-attorney', async (c) => {
    const body = NewPower.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return problem(c, 'invalid-request', 400, body.error.message);
    const { validUntil, ...seed } = body.data;
    try {
      const held = state.powers.add({ ...seed, ...(validUntil !== undefined ? { validUntil } : {}) }, toCopenhagenIso(state.now()));
      return c.json(state.powers.resource(held, state.currentDay()), 201);
    } catch (error) {
      if (error instanceof RangeError) return problem(c, 'invalid-request', 400, error.message);
      throw error;
    }
  });

  // The grantor's withdrawal, as a caseworker would register it at the front desk.
  app.post('/powers-of-attorney/:id/withdraw', (c) => {
    const held = state.powers.withdraw(c.req.param('id'), toCopenhagenIso(state.now()));
    if (!held) return problem(c, 'not-found', 404, 'no such power of attorney');
    return c.json(state.powers.resource(held, state.currentDay()));
  });

  app.post('/citizens/:citizenId/changes', async (c) => {
    const citizenId = c.req.param('citizenId');
    if (!state.catalog.has(citizenId)) return problem(c, 'not-found', 404, 'no such citizen');
    const change = Change.safeParse(await c.req.json().catch(() => undefined));
    if (!change.success) return problem(c, 'invalid-request', 400, change.error.message);
    const ledger = state.ledger(citizenId);
    const now = toCopenhagenIso(state.now());
    const op = change.data;
    if (op.op === 'delete') {
      if (!ledger.get(op.resource, op.id)) return problem(c, 'not-found', 404, 'no such record');
      const entry = ledger.delete(op.resource, op.id, now);
      return c.json({ seq: entry.seq, record: entry.record });
    }
    let candidate: Record<string, unknown>;
    if (op.op === 'update') {
      const current = ledger.get(op.resource, op.id);
      if (!current) return problem(c, 'not-found', 404, 'no such record');
      candidate = { ...current.record, ...op.patch, id: op.id, version: current.record.version + 1, updatedAt: now };
    } else {
      candidate = { updatedAt: now, ...op.record, version: 1 };
      if (typeof candidate.id === 'string' && ledger.get(op.resource, candidate.id)) {
        return problem(c, 'invalid-request', 400, 'a record with that id exists');
      }
    }
    const parsed = RECORD_SCHEMA_OF[op.resource].safeParse(candidate);
    if (!parsed.success) return problem(c, 'invalid-request', 400, parsed.error.message);
    const entry = ledger.put(op.resource, parsed.data as Parameters<typeof ledger.put>[1]);
    return c.json({ seq: entry.seq, record: entry.record });
  });

  // What arrived in an inbox, as the caseworker's system would get it: the body as sent.
  app.get('/inbox/:receiptId', (c) => {
    const body = state.inboxes.body(c.req.param('receiptId'));
    if (!body) return problem(c, 'not-found', 404, 'no such inbox item');
    return c.body(body.slice().buffer, 200, { 'Content-Type': 'application/octet-stream' });
  });

  // Whether the citizen has withdrawn a bundle in an inbox, as the caseworker's system would see it.
  app.get('/inbox/:receiptId/revocation', (c) => {
    const held = state.inboxes.bundleOfReceipt(c.req.param('receiptId'));
    if (!held) return problem(c, 'not-found', 404, 'no opened bundle with that receipt');
    return c.json({ revoked: held.revokedAt !== undefined, ...(held.revokedAt ? { revokedAt: held.revokedAt } : {}) });
  });

  app.post('/reset', (c) => {
    state.reset();
    return c.body(null, 204);
  });

  return app;
}
