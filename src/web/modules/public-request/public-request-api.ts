import { ZPublicRequestAnswer, type TPublicRequestInput } from '../../../shared/requests';
import { apiRequest } from '../../app/api';

/** No account here: a 401 could only be a server mistake, never a lost session. */
export const sendPublicRequest = (body: TPublicRequestInput) =>
  apiRequest('/api/public/requests', ZPublicRequestAnswer, { method: 'POST', body, sessionRequired: false });
