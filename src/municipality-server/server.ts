/** Starts the reference municipality on 127.0.0.1 (never on other interfaces). */
import { listenOnLoopback, loopbackAddress } from '../shared-node/serve';
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
  // Links in the data point back to the server, so the URL comes first.
  const address = await loopbackAddress(port);
  const { app, state } = createMunicipalityApp({ baseUrl: address.url, ...rest });
  const close = await listenOnLoopback(app.fetch, address.port);
  return { url: address.url, state, close };
}
