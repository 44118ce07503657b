/** A worker that reads a health export off the page's main thread (files of several GB stream through it). */
import { expose } from 'comlink';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { healthWorkerApi } from '../src/ui/health/health-worker-api';

export default defineUnlistedScript(() => expose(healthWorkerApi));
