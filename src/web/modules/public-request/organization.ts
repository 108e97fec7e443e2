import { ZPublicRequestInput } from '../../../shared/requests';

const ZSlug = ZPublicRequestInput.shape.organizationSlug;

/**
 * The platform whose form this is when the address names none (`/etre-accompagne`): the one set at
 * build time (`VITE_PUBLIC_ORGANIZATION_SLUG`), else the PACA platform this product is built for.
 * Any organisation can publish its own link, `/etre-accompagne/<slug>`.
 */
const DEFAULT_SLUG = ZSlug.safeParse(import.meta.env.VITE_PUBLIC_ORGANIZATION_SLUG).data ?? 'ptpr-paca';

/** The slug to send, or null when the address holds something that cannot be one. */
export function organizationSlugFrom(param: string | undefined): string | null {
  if (param === undefined || param === '') return DEFAULT_SLUG;
  return ZSlug.safeParse(param).data ?? null;
}
