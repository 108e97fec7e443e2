import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';
import { canManageContinuitySettings, canUseOutreachQueue } from '../accompaniments/access';
import { RequireAccess } from '../requests/RequireAccess';
import { ContinuitySettingsPage } from './ContinuitySettingsPage';
import { OutreachCasePage } from './OutreachCasePage';
import { OutreachQueuePage } from './OutreachQueuePage';

/** Continuity after a rupture: the outreach queue, one case, the organisation's rule. */
export const outreachRoutes: RouteObject[] = [
  {
    element: <RequireAccess allowed={canUseOutreachQueue} />,
    children: [
      { path: paths.outreach, Component: OutreachQueuePage },
      { path: `${paths.outreach}/:id`, Component: OutreachCasePage },
    ],
  },
  { element: <RequireAccess allowed={canManageContinuitySettings} />, children: [{ path: paths.continuitySettings, Component: ContinuitySettingsPage }] },
];
