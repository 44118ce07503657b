/** The Node programs' start-up: a server on 127.0.0.1 only, at an address known before it listens. */
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { listenOnLoopback, loopbackAddress } from '../../src/shared-node/serve';

describe('loopback server', () => {
  it('reserves a free port for 0, serves there, and stops answering once closed', async () => {
    const address = await loopbackAddress(0);
    expect(address.port).toBeGreaterThan(0);
    expect(address.url).toBe(`http://127.0.0.1:${address.port}`);
    const close = await listenOnLoopback((request) => new Response(new URL(request.url).pathname), address.port);
    const response = await fetch(`${address.url}/hello`);
    expect(await response.text()).toBe('/hello');
    await close();
    await expect(fetch(`${address.url}/hello`)).rejects.toThrow(TypeError);
  });

  it('is not reachable on the machine’s other addresses', async () => {
    const other = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!other) return; // a machine with loopback only has nothing else to try
    const address = await loopbackAddress(0);
    const close = await listenOnLoopback(() => new Response('ok'), address.port);
    try {
      await expect(fetch(`http://${other.address}:${address.port}/`)).rejects.toThrow(TypeError);
    } finally {
      await close();
    }
  });

  it('keeps a given port as it is', async () => {
    expect(await loopbackAddress(8787)).toEqual({ port: 8787, url: 'http://127.0.0.1:8787' });
  });
});
