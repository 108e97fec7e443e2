import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { recoveryPaths } from '../paths';

export type TDocumentPage = 'write' | 'versions' | 'shares' | 'views' | 'crisisCard';

/** The owner's pages of one document, as a labelled navigation; the current one is marked. */
export function DocumentNav({ documentId, current, withCrisisCard }: { documentId: string; current: TDocumentPage; withCrisisCard: boolean }) {
  const { t } = useTranslation('recoveryDocuments');
  const items: { page: TDocumentPage; to: string; label: string }[] = [
    { page: 'write', to: recoveryPaths.document(documentId), label: t('nav.write') },
    { page: 'versions', to: recoveryPaths.versions(documentId), label: t('nav.versions') },
    { page: 'shares', to: recoveryPaths.shares(documentId), label: t('nav.shares') },
    { page: 'views', to: recoveryPaths.views(documentId), label: t('nav.views') },
    ...(withCrisisCard ? [{ page: 'crisisCard' as const, to: recoveryPaths.crisisCard(documentId), label: t('nav.crisisCard') }] : []),
  ];
  return (
    <nav aria-label={t('nav.documentMenu')}>
      <Group component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <li key={item.page}>
            <Button
              component={NavLink}
              to={item.to}
              end
              variant={item.page === current ? 'filled' : 'default'}
              aria-current={item.page === current ? 'page' : undefined}
              mih={44}
            >
              {item.label}
            </Button>
          </li>
        ))}
      </Group>
    </nav>
  );
}
