/** Starts the example budget service on 127.0.0.1 (never on other interfaces). */
import { listenOnLoopback, loopbackAddress } from '../shared-node/serve';
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
  const identity = options.identity ? useIdentity(options.identity) : loadOrCreateIdentity(options.identityFile ?? '.tmp/budget-service/identity.txt');
  const store = new BudgetStore(options.revokedFile);
  // The recipient document names absolute endpoints, so the port must be known first.
  const { port, url } = await loopbackAddress(options.port ?? 0);
  const appOptions: BudgetServiceOptions = { baseUrl: url, identity, store };
  if (options.name) appOptions.name = options.name;
  if (options.now) appOptions.now = options.now;
  const app = createBudgetServiceApp(appOptions);
  const close = await listenOnLoopback(app.fetch, port);
  return { url, identity, store, close };
}
