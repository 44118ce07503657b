/** A worker that reads bank statements off the vault page's main thread, so the page stays responsive. */
import { expose } from 'comlink';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bankWorkerApi } from '../src/ui/money/bank-worker-api';

export default defineUnlistedScript(() => expose(bankWorkerApi));
