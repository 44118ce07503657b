/** Where the committed contract lives. */
import { fileURLToPath } from 'node:url';

export const OPENAPI_PATH = fileURLToPath(new URL('../municipal/api/openapi.json', import.meta.url));
