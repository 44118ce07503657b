/**
 * Powers of attorney on the vault's side: the municipality's refusals of a representative read as
 * coded errors, what a representative's connection keeps of the power it rests on, what happens
 * to the connection when the power has ended, and the powers a citizen has given (read during
 * their own sync, withdrawn at their request). Every list and answer is checked against the
 * municipality's signature like a page.
 */
import { z } from 'zod';
import { PowerOfAttorneyList, PowerOfAttorneyResponse, type PowerOfAttorney, type Session } from '../api/schemas';
import type { GivenPower, MunicipalConnectionData, PowerBasis } from '../../records/municipal/index';
import { MunicipalError } from './errors';
import type { PowerEndedCode } from './power-refusals';
import { HttpProblem } from './http';
import type { ConnectionClient } from './connection-client';
import { checkItems, type PageVerifier } from './verify';
import { isOnOrigin } from '../api/origin';

/** What a representative's connection keeps of the power its session rests on. */
export function powerBasisOf(session: Session): PowerBasis | undefined {
  const p = session.powerOfAttorney;
  if (session.actor.relation !== 'power-of-attorney' || !p) return undefined;
  return {
    id: p.id,
    categories: [...p.categories],
    excludedTopics: p.excludedTopics.map((t) => ({ code: t.code, title: t.title })),
    validFrom: p.validFrom,
    ...(p.validUntil ? { validUntil: p.validUntil } : {}),
  };
}

/** The connection as a fresh /me answer leaves it: the power it rests on now, and no ended power. */
export function withSession(conn: MunicipalConnectionData, session: Session): MunicipalConnectionData {
  const { power: _old, powerEnded: _ended, ...rest } = conn;
  const power = powerBasisOf(session);
  return power ? { ...rest, power } : rest;
}

/**
 * The connection once the municipality said the power has ended (or never held): the tokens go,
 * since they open nothing, and the copy already held stays until the citizen chooses.
 */
export function endPower(conn: MunicipalConnectionData, code: PowerEndedCode, at: string): MunicipalConnectionData {
  return { ...conn, tokens: null, powerEnded: { code, at, copyKept: conn.powerEnded?.copyKept ?? false } };
}

const givenPower = (p: PowerOfAttorney): GivenPower => ({
  id: p.id,
  representative: { id: p.representative.id, name: p.representative.name },
  categories: [...p.categories],
  excludedTopics: p.excludedTopics.map((t) => ({ code: t.code, title: t.title })),
  validFrom: p.validFrom,
  ...(p.validUntil ? { validUntil: p.validUntil } : {}),
  ...(p.withdrawnAt ? { withdrawnAt: p.withdrawnAt } : {}),
  status: p.status,
});

const RESOURCE = 'powers-of-attorney';

/** Checks a signed answer about powers: the municipality's key, this citizen, exactly these items. */
async function verified(verifier: Pick<PageVerifier, 'verifyJws'>, conn: MunicipalConnectionData, raw: Record<string, unknown>[], jws: string): Promise<void> {
  const { manifest } = await verifier.verifyJws(jws).catch((cause: unknown) => {
    throw new MunicipalError('signature-invalid', `${RESOURCE}: signature`, { cause });
  });
  const citizenId = conn.citizen?.id;
  if (!isOnOrigin(manifest.iss, conn.origin) || manifest.resource !== RESOURCE || (citizenId !== undefined && manifest.sub !== citizenId)) {
    throw new MunicipalError('signature-invalid', `${RESOURCE}: signed for something else`);
  }
  if (!checkItems(raw, manifest).every((v) => v.ok)) throw new MunicipalError('signature-invalid', `${RESOURCE}: items do not match`);
}

const RawItems = z.object({ items: z.array(z.record(z.string(), z.unknown())) });

/**
 * The powers of attorney the signed-in citizen has given, verified; null when the municipality
 * does not offer them (an older server answers 404).
 */
export async function fetchGivenPowers(client: ConnectionClient, verifier: Pick<PageVerifier, 'verifyJws'>): Promise<GivenPower[] | null> {
  let body: unknown;
  try {
    body = await client.getJson(`${client.conn.endpoints.apiBase}/${RESOURCE}/given`);
  } catch (error) {
    if (error instanceof HttpProblem && error.status === 404) return null;
    throw error;
  }
  const parsed = PowerOfAttorneyList.safeParse(body);
  const raw = RawItems.safeParse(body);
  if (!parsed.success || !raw.success) throw new MunicipalError('municipality-bad-response', `${RESOURCE}: not a list`);
  await verified(verifier, client.conn, raw.data.items, parsed.data.signature);
  return parsed.data.items.map(givenPower);
}

/**
 * Asks the municipality to withdraw a power the citizen gave; returns the withdrawn power as
 * the municipality signed it.
 * @throws {MunicipalError} `signature-invalid`, `municipality-bad-response`; {VaultError} via the client
 */
export async function withdrawPower(client: ConnectionClient, verifier: Pick<PageVerifier, 'verifyJws'>, powerId: string): Promise<GivenPower> {
  const url = `${client.conn.endpoints.apiBase}/${RESOURCE}/${encodeURIComponent(powerId)}/withdraw`;
  const body = await client.authorized((token) =>
    client.http.json(url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }),
  );
  const parsed = PowerOfAttorneyResponse.safeParse(body);
  if (!parsed.success) throw new MunicipalError('municipality-bad-response', `${RESOURCE}: not a withdrawal`);
  const raw = (body as { powerOfAttorney: Record<string, unknown> }).powerOfAttorney;
  await verified(verifier, client.conn, [raw], parsed.data.signature);
  if (parsed.data.powerOfAttorney.id !== powerId || !parsed.data.powerOfAttorney.withdrawnAt) {
    throw new MunicipalError('municipality-bad-response', `${RESOURCE}: not the power asked to withdraw`);
  }
  return givenPower(parsed.data.powerOfAttorney);
}
