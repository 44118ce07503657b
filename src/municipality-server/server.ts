/** Starts the reference municipality on 127.0.0.1 (never on other interfaces). */
import { listenOnLoopback, loopbackAddress } from '../shared-node/serve';
import { createMunicipalityApp } from './app';
import type { MunicipalityOptions, MunicipalityState } from './state';

export interface RunningMunicipality {
  readonly url: string;
  readonly state: MunicipalityState;
  /**
   * Goes offline mid-whatever (open connections are cut), keeping its data and sign-ins as a
   * real municipality's database would: for tests of a sync interrupted by an outage.
   */
  stop(): Promise<void>;
  /** Back online on the same address after `stop`. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** Port 0 picks a free port; the base URL follows the real port. */
export async function startMunicipalityServer(options: MunicipalityOptions & { port?: number } = {}): Promise<RunningMunicipality> {
  const { port = 8787, ...rest } = options;
  // Links in the data point back to the server, so the URL comes first.
  const address = await loopbackAddress(port);
  const { app, state } = createMunicipalityApp({ baseUrl: address.url, ...rest });
  let close: (() => Promise<void>) | null = await listenOnLoopback(app.fetch, address.port);
  const stop = async () => {
    const closing = close;
    close = null;
    await closing?.();
  };
  return {
    url: address.url,
    state,
    stop,
    async resume() {
      close ??= await listenOnLoopback(app.fetch, address.port);
    },
    close: stop,
  };
}
