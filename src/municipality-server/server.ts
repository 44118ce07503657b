/** Starts the reference municipality on 127.0.0.1 (never on other interfaces). */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createMunicipalityApp } from './app';
import type { MunicipalityOptions, MunicipalityState } from './state';

export interface RunningMunicipality {
  readonly url: string;
  readonly state: MunicipalityState;
  close(): Promise<void>;
}

/** Port 0 picks a free port; the base URL follows the real port. */
export async function startMunicipalityServer(options: MunicipalityOptions & { port?: number } = {}): Promise<RunningMunicipality> {
  const { port = 8787, ...rest } = options;
  // The base URL must be known before the data is built (links point back to the server), so
  // with port 0 we reserve the port first.
  const actualPort = port === 0 ? await freePort() : port;
  const url = `http://127.0.0.1:${actualPort}`;
  const { app, state } = createMunicipalityApp({ baseUrl: url, ...rest });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: actualPort }, () => resolve(s));
    s.once('error', reject);
  });
  return {
    url,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
