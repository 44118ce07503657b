/**
 * The background's side of the message API as types: one handler per method, called by the
 * router after it has checked who sent the message and parsed the arguments. The vault service
 * and each feature's service implement their part; the router only sees this shape.
 */
import type { z } from 'zod';
import type { ApiArgs, ApiMethod, ApiResults } from './api';
import type { MunicipalMethod } from './municipal-api';
import type { SharingMethod } from './sharing-api';
import type { ViewMethod } from './view-api';
import type { ListViewMethod } from './list-view-api';

export type Handlers = { [M in ApiMethod]: (args: z.output<(typeof ApiArgs)[M]>) => Promise<ApiResults[M]> };
export type MunicipalHandlers = Pick<Handlers, MunicipalMethod>;
export type SharingHandlers = Pick<Handlers, SharingMethod>;
export type ViewHandlers = Pick<Handlers, ViewMethod | ListViewMethod>;
export type CoreHandlers = Omit<Handlers, MunicipalMethod | SharingMethod | ViewMethod | ListViewMethod>;
