/** A worker that reads calendar files (.ics) off the vault page's main thread, so the page stays responsive. */
import { expose } from 'comlink';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { calendarWorkerApi } from '../src/ui/municipal/calendar-worker-api';

export default defineUnlistedScript(() => expose(calendarWorkerApi));
