/**
 * npm run municipality [-- options]
 *
 *   --port <n>              port on 127.0.0.1 (default 8787, or MUNICIPALITY_PORT)
 *   --today <YYYY-MM-DD>    anchor day of the synthetic data (default: today in Denmark, or MUNICIPALITY_TODAY)
 *   --test-mode             enable /__test (faults, direct tokens, data changes); or MUNICIPALITY_TEST_MODE=1
 *   --signing-kid <kid>     which demo key signs (all are published in the JWKS)
 *   --youth-rules <file>    youth rules as JSON (see youth-rules.ts)
 *   --recipient-key <file>  the municipality's age identity for bundles sent to its inboxes
 *                           (an identity file as `npm run receiver -- keygen` writes; default: a new key per start)
 *   --heavy-scale <x>       size of the heavy citizen (default 1)
 *   --chrome-extension-id <id>   a Chromium extension id to accept sign-ins from (repeatable;
 *                                default: the id of the project's Chrome build)
 *   --firefox-addon-id <id>      a Firefox add-on id to accept sign-ins from (repeatable;
 *                                default: vault@handlerum.dk)
 *   --extension-origin <origin>  a further origin for CORS, e.g. moz-extension://<uuid> (repeatable)
 *   --allow-loopback-redirect    also accept http://127.0.0.1|localhost|[::1]:<port>/… redirects (development tools)
 *   --write-openapi         write src/municipal/api/openapi.json and exit
 *   --generate-heavy <file> write the heavy citizen's data as NDJSON and exit
 */
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildOpenApiDocument } from '../municipal/api/openapi';
import { OPENAPI_PATH } from './paths';
import { RESOURCES } from '../municipal/api/schemas';
import { copenhagenToday } from './data/dates';
import { KleCatalog } from './data/kle';
import { buildHeavy } from './data/personas/heavy';
import { startMunicipalityServer, type RunningMunicipality } from './server';
import { loadYouthRules } from './youth-rules';
import { parseIdentityFile } from '../receiver/sdk';
import { runProgram } from '../shared-node/serve';

async function main(): Promise<RunningMunicipality | void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      today: { type: 'string' },
      'test-mode': { type: 'boolean', default: false },
      'signing-kid': { type: 'string' },
      'youth-rules': { type: 'string' },
      'recipient-key': { type: 'string' },
      'heavy-scale': { type: 'string' },
      'chrome-extension-id': { type: 'string', multiple: true },
      'firefox-addon-id': { type: 'string', multiple: true },
      'extension-origin': { type: 'string', multiple: true },
      'allow-loopback-redirect': { type: 'boolean', default: false },
      'write-openapi': { type: 'boolean', default: false },
      'generate-heavy': { type: 'string' },
    },
  });

  if (values['write-openapi']) {
    writeFileSync(OPENAPI_PATH, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
    process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
    return;
  }

  const today = values.today ?? process.env.MUNICIPALITY_TODAY ?? undefined;
  const scale = values['heavy-scale'] ? Number(values['heavy-scale']) : 1;

  if (values['generate-heavy']) {
    const dataset = buildHeavy({ today: today ?? copenhagenToday(Date.now()), kle: KleCatalog.load(), baseUrl: 'http://127.0.0.1:8787' }, { scale });
    const out = createWriteStream(values['generate-heavy']);
    out.write(`${JSON.stringify(dataset.citizen)}\n`);
    for (const resource of RESOURCES) for (const record of dataset.records[resource]) out.write(`${JSON.stringify(record)}\n`);
    await new Promise<void>((resolve) => out.end(resolve));
    const counts = RESOURCES.map((r) => `${r}: ${dataset.records[r].length}`).join(', ');
    process.stdout.write(`wrote ${values['generate-heavy']} (${counts})\n`);
    return;
  }

  const port = Number(values.port ?? process.env.MUNICIPALITY_PORT ?? 8787);
  const testMode = values['test-mode'] || process.env.MUNICIPALITY_TEST_MODE === '1';
  const running = await startMunicipalityServer({
    port,
    testMode,
    ...(today ? { today } : {}),
    ...(values['signing-kid'] ? { signingKid: values['signing-kid'] } : {}),
    ...(values['youth-rules'] ? { youthRules: loadYouthRules(values['youth-rules']) } : {}),
    ...(values['recipient-key'] ? { recipientIdentity: parseIdentityFile(readFileSync(values['recipient-key'], 'utf8')) } : {}),
    heavy: { scale },
    extensions: {
      ...(values['chrome-extension-id'] ? { chromeExtensionIds: values['chrome-extension-id'] } : {}),
      ...(values['firefox-addon-id'] ? { firefoxAddonIds: values['firefox-addon-id'] } : {}),
      ...(values['extension-origin'] ? { extraOrigins: values['extension-origin'] } : {}),
      loopbackRedirects: values['allow-loopback-redirect'],
    },
  });
  process.stdout.write(
    `Vesterå Kommune (reference municipality, synthetic data around ${running.state.today}) on ${running.url}\n` +
      `  sign-in:   ${running.url}/oauth/authorize\n  discovery: ${running.url}/.well-known/citizen-data-api\n` +
      `  bundles for its inboxes are encrypted to ${running.state.recipient.recipient}\n` +
      `  sign-in redirects only to: ${running.state.extensions.redirectTargets().join(', ')}\n` +
      (testMode ? '  TEST MODE: /__test endpoints are enabled\n' : ''),
  );
  return running;
}

runProgram(main);
