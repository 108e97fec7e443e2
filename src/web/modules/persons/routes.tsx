import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';
import { canCreatePersons, canListPersons } from '../requests/access';
import { RequireAccess } from '../requests/RequireAccess';
import { NewPersonPage } from './NewPersonPage';
import { PersonEditPage } from './PersonEditPage';
import { PersonPage } from './PersonPage';
import { PersonsPage } from './PersonsPage';

/**
 * Pages of person records, inside the signed-in app layout. A record itself is open to any
 * session: the server answers for it (a referent volunteer may read one without the list).
 */
export const personRoutes: RouteObject[] = [
  { element: <RequireAccess allowed={canListPersons} />, children: [{ path: paths.persons, Component: PersonsPage }] },
  { element: <RequireAccess allowed={canCreatePersons} />, children: [{ path: paths.newPerson, Component: NewPersonPage }] },
  { path: `${paths.persons}/:id`, Component: PersonPage },
  { path: `${paths.persons}/:id/modifier`, Component: PersonEditPage },
];
