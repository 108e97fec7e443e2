import { useQuery } from '@tanstack/react-query';
import { useCurrentSession } from '../../app/session';
import { seesAllAccompaniments } from './access';
import { fetchPeerChoices } from './accompaniments-api';

/** `asVolunteer` null: known by name only (a referent of the person); the server judges the binôme. */
export type TPeerChoice = { id: string; name: string; asVolunteer: boolean | null };

/**
 * The peers a coordinator can choose: the organisation's active peer workers and volunteers (team
 * directory), plus `known` peers (current peers, the person's referents) so that a peer who left is
 * still shown where they are. The server checks every id again.
 */
export function usePeerChoices(known: readonly TPeerChoice[]): { choices: TPeerChoice[]; loading: boolean } {
  const { user } = useCurrentSession();
  const directory = useQuery({ queryKey: ['accompaniments', 'peer-choices'], queryFn: fetchPeerChoices, enabled: seesAllAccompaniments(user) });
  const byId = new Map<string, TPeerChoice>();
  for (const peer of directory.data?.items ?? []) byId.set(peer.id, peer);
  for (const peer of known) if (!byId.has(peer.id)) byId.set(peer.id, peer);
  const choices = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return { choices, loading: seesAllAccompaniments(user) && directory.isPending };
}
