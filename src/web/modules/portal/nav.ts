import type { NavItem } from '../../app/nav-items';
import { paths } from '../../app/paths';

/** A person's whole menu: their space and its pages, nothing of the staff side. */
export function portalNavItems(): NavItem[] {
  return [
    { key: 'portal', to: paths.portal, end: true },
    { key: 'portalMessages', to: paths.portalMessages },
    { key: 'portalNotes', to: paths.portalNotes },
    { key: 'portalReaders', to: paths.portalReaders },
  ];
}
