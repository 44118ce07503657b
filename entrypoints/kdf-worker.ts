/** A worker that runs Argon2id off the page's main thread, so the page stays responsive. */
import { expose } from 'comlink';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { kdfWorkerApi } from '../src/vault/crypto/kdf-worker-api';

export default defineUnlistedScript(() => expose(kdfWorkerApi));
