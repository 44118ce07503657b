/**
 * Start-up for the project's Node programs (the reference municipality, the example budget
 * service): an HTTP server on 127.0.0.1 only, never on other interfaces, and a command line that
 * stops it cleanly. Node-only, so it is kept apart from the pure src/shared.
 */
import { serve } from '@hono/node-server';
import { createServer, type AddressInfo } from 'node:net';

type FetchHandler = Parameters<typeof serve>[0]['fetch'];

export interface LoopbackAddress {
  readonly port: number;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
}

/**
 * The address a server will listen on. Port 0 reserves a free port first: the servers' data
 * and documents hold absolute links, so the URL must be known before the app is built.
 */
export async function loopbackAddress(port: number): Promise<LoopbackAddress> {
  const actual = port === 0 ? await freePort() : port;
  return { port: actual, url: `http://127.0.0.1:${actual}` };
}

/** Serves `fetch` on 127.0.0.1:`port`; resolves once listening, with a close that ends open connections too. */
export async function listenOnLoopback(fetch: FetchHandler, port: number): Promise<() => Promise<void>> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch, hostname: '127.0.0.1', port }, () => resolve(s));
    s.once('error', reject);
  });
  return () =>
    new Promise<void>((resolve) => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close(() => resolve());
    });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs a program's main: a failure is printed as its message alone and exits with status 1;
 * a server it returns is closed on Ctrl-C or SIGTERM before the process exits.
 */
export function runProgram(main: () => Promise<{ close(): Promise<void> } | void>): void {
  main().then(
    (running) => {
      if (!running) return;
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
