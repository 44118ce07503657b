/** A worker that reads PDF letters off the vault page's main thread, so the page stays responsive. */
import { expose } from 'comlink';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { letterWorkerApi } from '../src/ui/letters/letter-worker-api';

export default defineUnlistedScript(() => expose(letterWorkerApi));
