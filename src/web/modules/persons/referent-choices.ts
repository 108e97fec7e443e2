import { useQuery } from '@tanstack/react-query';
import { isAdmin } from '../../app/roles';
import { useCurrentSession } from '../../app/session';
import { adminKeys, fetchUsers, type TUserListQuery } from '../admin/admin-api';

type Peer = { id: string; name: string };

// One page is enough for a regional team; the same query as the audit filters' user list.
const peersQuery = (role: 'peer_worker' | 'volunteer'): TUserListQuery => ({ page: 1, pageSize: 100, role, active: 'true' });

/**
 * Who can be named referent. The API has no team directory for coordinators yet: an account that
 * is also administrator lists the active peers and volunteers; anyone else keeps or removes the
 * current referents only (the server checks each id again).
 */
export function useReferentChoices(current: readonly Peer[]): Peer[] {
  const { user } = useCurrentSession();
  const enabled = isAdmin(user);
  const peers = useQuery({
    queryKey: adminKeys.users(peersQuery('peer_worker')),
    queryFn: () => fetchUsers(peersQuery('peer_worker')),
    enabled,
  });
  const volunteers = useQuery({
    queryKey: adminKeys.users(peersQuery('volunteer')),
    queryFn: () => fetchUsers(peersQuery('volunteer')),
    enabled,
  });
  const byId = new Map<string, Peer>(current.map((peer) => [peer.id, peer]));
  for (const user of [...(peers.data?.items ?? []), ...(volunteers.data?.items ?? [])]) {
    if (!byId.has(user.id)) byId.set(user.id, { id: user.id, name: user.name });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
