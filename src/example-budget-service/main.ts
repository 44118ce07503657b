/**
 * npm run budget-service [-- options]
 *
 *   --port <n>             port on 127.0.0.1 (default 8788, or BUDGET_SERVICE_PORT)
 *   --identity-file <f>    the service's age identity (default .tmp/budget-service/identity.txt,
 *                          created at first start)
 *   --identity <key>       use this AGE-SECRET-KEY-1… instead of a file (or BUDGET_SERVICE_IDENTITY)
 *   --revoked-file <f>     revoked bundle ids (default .tmp/budget-service/revoked.json)
 *   --name <text>          the name shown to citizens
 */
import { parseArgs } from 'node:util';
import { runProgram } from '../shared-node/serve';
import { startBudgetService, type RunningBudgetService, type StartOptions } from './server';

async function main(): Promise<RunningBudgetService> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'identity-file': { type: 'string' },
      identity: { type: 'string' },
      'revoked-file': { type: 'string' },
      name: { type: 'string' },
    },
  });
  const options: StartOptions = {
    port: Number(values.port ?? process.env.BUDGET_SERVICE_PORT ?? 8788),
    identityFile: values['identity-file'] ?? '.tmp/budget-service/identity.txt',
    revokedFile: values['revoked-file'] ?? '.tmp/budget-service/revoked.json',
  };
  const identity = values.identity ?? process.env.BUDGET_SERVICE_IDENTITY;
  if (identity) options.identity = identity;
  if (values.name) options.name = values.name;
  const running = await startBudgetService(options);
  process.stdout.write(
    `Example budget service (a receiving service) on ${running.url}\n` +
      `  add it in the vault's Sharing section by its address: ${running.url}\n` +
      `  its key: ${running.identity.recipient}\n`,
  );
  return running;
}

runProgram(main);
