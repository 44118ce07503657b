/**
 * For pages whose Content-Security-Policy forbids eval (the receiver page): import this module
 * first, before anything that defines a schema. zod decides when a schema is created whether it
 * may compile parsers with `new Function`, and finds out by trying; under such a CSP the try
 * fails quietly, but the browser still reports it as a violation (Firefox fires
 * `securitypolicyviolation` and logs an error). Telling zod up front that there is no eval
 * skips the probe; what a schema accepts is the same. A side effect on zod's global settings,
 * so only an entry point imports it, never the bundle code itself.
 */
import { z } from 'zod';

z.config({ jitless: true });
