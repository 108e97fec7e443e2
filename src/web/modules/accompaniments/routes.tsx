import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';
import { RequireAccess } from '../requests/RequireAccess';
import { canOpenAccompaniments, canWorkWithAccompaniments } from './access';
import { AccompanimentPage } from './AccompanimentPage';
import { AccompanimentsPage } from './AccompanimentsPage';
import { OpenAccompanimentPage } from './OpenAccompanimentPage';

/** Accompaniment pages, inside the signed-in app layout. */
export const accompanimentRoutes: RouteObject[] = [
  {
    element: <RequireAccess allowed={canWorkWithAccompaniments} />,
    children: [
      { path: paths.accompaniments, Component: AccompanimentsPage },
      { path: `${paths.accompaniments}/:id`, Component: AccompanimentPage },
    ],
  },
  { element: <RequireAccess allowed={canOpenAccompaniments} />, children: [{ path: paths.newAccompaniment, Component: OpenAccompanimentPage }] },
];
