import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';
import { PublicRequestPage } from './PublicRequestPage';

/** The public form, without an account; `/etre-accompagne/<slug>` names another organisation. */
export const publicRequestRoutes: RouteObject[] = [{ path: `${paths.publicRequest}/:organisation?`, Component: PublicRequestPage }];
