import { paths } from '../../app/paths';

/** `/accompagnements/nouveau?personne=…` or `?demande=…`: where the coordinator came from. */
export function openAccompanimentPath(from: { personId?: string; requestId?: string } = {}): string {
  const params = new URLSearchParams();
  if (from.personId) params.set('personne', from.personId);
  if (from.requestId) params.set('demande', from.requestId);
  const search = params.toString();
  return search ? `${paths.newAccompaniment}?${search}` : paths.newAccompaniment;
}
