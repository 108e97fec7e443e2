import { Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TDocumentDetail } from '../../../../shared/recovery-documents-api';
import { isApiError } from '../../../app/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PageHeader } from '../../../ui/PageHeader';
import { documentKeys, fetchDocument } from '../api/documents-api';
import { recoveryPaths } from '../paths';
import { InactiveNotice } from '../public/InactiveNotice';
import { BackLink } from './BackLink';
import { DocumentNav, type TDocumentPage } from './DocumentNav';
import { DocumentStatusBadge } from './StatusBadge';
import { WishesNotice } from './WishesNotice';

/** Each reading of the detail is audited ("qui a vu mon plan"): moving between the document's pages reuses it for a while. */
export function useDocumentDetail(documentId: string) {
  return useQuery({ queryKey: documentKeys.detail(documentId), queryFn: () => fetchDocument(documentId) });
}

interface OwnerDocumentShellProps {
  page: TDocumentPage;
  /** The page's own title ("Versions"…); the writing page uses the document's title. */
  title?: (detail: TDocumentDetail) => string;
  description?: string;
  children: (detail: TDocumentDetail) => ReactNode;
}

/** Frame of the person's document pages: back link, title, state, the wishes notice, the document's menu. */
export function OwnerDocumentShell({ page, title, description, children }: OwnerDocumentShellProps) {
  const { t } = useTranslation('recoveryDocuments');
  const { documentId = '' } = useParams();
  const detail = useDocumentDetail(documentId);
  const data = detail.data;
  const hasEmergencySections = data?.template.definition.sections.some((section) => section.emergencyEligible) ?? false;
  return (
    <Stack gap="md" maw={820}>
      <BackLink to={recoveryPaths.myDocuments} label={t('document.back')} />
      {detail.isPending && <LoadingState label={t('document.loading')} />}
      {detail.isError &&
        (isApiError(detail.error) && detail.error.status === 404 ? (
          <InactiveNotice title={t('document.notFoundTitle')} text={t('document.notFound')} />
        ) : (
          <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        ))}
      {data && (
        <>
          <PageHeader title={title ? title(data) : data.document.title} description={description} />
          <Group gap="xs">
            <DocumentStatusBadge status={data.document.status} />
            {title && <Text c="dimmed">{data.document.title}</Text>}
          </Group>
          <WishesNotice forOwner={data.myRole === 'owner'} />
          {data.myRole === 'owner' && <DocumentNav documentId={data.document.id} current={page} withCrisisCard={hasEmergencySections} />}
          {children(data)}
        </>
      )}
    </Stack>
  );
}
