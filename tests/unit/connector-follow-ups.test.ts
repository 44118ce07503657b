/**
 * What the background does after a sync (reminders, grants, Now's summary): it holds no next sync
 * back, and a sync that brought nothing new skips it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectorHarness, type ConnectorHarness } from './support/connector-harness';

let h: ConnectorHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Makes the reminders' first step (reading the settings) wait until `open` is called, and counts the reads. */
function gateSettings(harness: ConnectorHarness): { open: () => void; reads: () => number } {
  const read = harness.settings.get;
  let reads = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  harness.settings.get = async () => {
    reads += 1;
    await gate;
    return read();
  };
  return { open, reads: () => reads };
}

describe('after a sync', () => {
  it('starts a sync asked for while the last one’s follow-ups still run', async () => {
    h = await connectorHarness();
    const { connectionId } = await h.connect();
    const gate = gateSettings(h);
    await h.change('thomas', { op: 'update', resource: 'documents', id: 'thomas-dok-0001', patch: { title: 'Opdateret' } });
    const first = await h.service.handlers.municipalSync({ profileId: h.profileId, connectionId });
    expect(first.state).toBe('running');
    // The sync ends; its follow-ups wait on the settings.
    await expect.poll(() => gate.reads()).toBe(1);
    const ended = await h.service.handlers.municipalSyncStatus({});
    expect(ended.find((s) => s.connectionId === connectionId)).toMatchObject({ state: 'ok', stored: 1 });
    const again = await h.service.handlers.municipalSync({ profileId: h.profileId, connectionId });
    expect(again).toMatchObject({ state: 'running', stored: 0 });
    expect(again.startedAt >= first.startedAt).toBe(true);
    gate.open();
    await h.service.whenIdle();
    const last = (await h.service.handlers.municipalSyncStatus({})).find((s) => s.connectionId === connectionId)!;
    expect(last).toMatchObject({ state: 'ok', stored: 0, deleted: 0 });
  });

  it('lets a sync asked for during the follow-ups finish before their next step', async () => {
    const runningAtStep: boolean[] = [];
    h = await connectorHarness({
      onSyncComplete: async () => {
        const statuses = await h!.service.handlers.municipalSyncStatus({});
        runningAtStep.push(statuses.some((s) => s.state === 'running'));
      },
    });
    const { connectionId } = await h.connect();
    await h.service.whenIdle();
    runningAtStep.length = 0;
    const gate = gateSettings(h);
    await h.change('thomas', { op: 'update', resource: 'documents', id: 'thomas-dok-0001', patch: { title: 'Opdateret' } });
    await h.service.handlers.municipalSync({ profileId: h.profileId, connectionId });
    // The first step of the sync's follow-ups waits on the settings; the citizen clicks again.
    await expect.poll(() => gate.reads()).toBe(1);
    expect(await h.service.handlers.municipalSync({ profileId: h.profileId, connectionId })).toMatchObject({ state: 'running' });
    gate.open();
    await h.service.whenIdle();
    // The grants' step ran once (the second sync brought nothing new), and only after that sync had ended.
    expect(runningAtStep).toEqual([false]);
  });

  it('rebuilds the reminders after a sync that stored something, not after one that brought nothing new', async () => {
    h = await connectorHarness();
    const { connectionId } = await h.connect();
    const gate = gateSettings(h);
    gate.open();
    expect(await h.sync(connectionId)).toMatchObject({ state: 'ok', stored: 0 });
    expect(gate.reads()).toBe(0);
    await h.change('thomas', { op: 'update', resource: 'documents', id: 'thomas-dok-0001', patch: { title: 'Opdateret' } });
    expect(await h.sync(connectionId)).toMatchObject({ state: 'ok', stored: 1 });
    expect(gate.reads()).toBe(1);
  });
});
