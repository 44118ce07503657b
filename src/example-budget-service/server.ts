/** Starts the example budget service on 127.0.0.1 (never on other interfaces). */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createBudgetServiceApp, type BudgetServiceOptions } from './app';
import { BudgetStore } from './store';
import { loadOrCreateIdentity, useIdentity, type ServiceIdentity } from './identity';

export interface RunningBudgetService {
  readonly url: string;
  readonly identity: ServiceIdentity;
  readonly store: BudgetStore;
  close(): Promise<void>;
}

export interface StartOptions {
  /** 0 picks a free port. */
  port?: number;
  /** An AGE-SECRET-KEY-1… to use; otherwise the one in `identityFile` (created when missing). */
  identity?: string;
  identityFile?: string;
  /** Where revoked bundle ids are kept across restarts (none: in memory only). */
  revokedFile?: string;
  name?: string;
  now?: () => Date;
}

export async function startBudgetService(options: StartOptions = {}): Promise<RunningBudgetService> {
  const identity = options.identity
    ? useIdentity(options.identity)
    : loadOrCreateIdentity(options.identityFile ?? '.tmp/budget-service/identity.txt');
  const store = new BudgetStore(options.revokedFile);
  // The recipient document names absolute endpoints, so the port must be known first.
  const port = options.port === 0 || options.port === undefined ? await freePort() : options.port;
  const url = `http://127.0.0.1:${port}`;
  const appOptions: BudgetServiceOptions = { baseUrl: url, identity, store };
  if (options.name) appOptions.name = options.name;
  if (options.now) appOptions.now = options.now;
  const app = createBudgetServiceApp(appOptions);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve(s));
    s.once('error', reject);
  });
  return {
    url,
    identity,
    store,
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
