import { Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDocumentView } from '../../../../shared/recovery-sharing';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingState } from '../../../ui/LoadingState';
import { PaginatedTable, type Column } from '../../../ui/PaginatedTable';
import { fetchViews, sharingKeys, VIEWS_PAGE_SIZE } from '../api/sharing-api';
import { formatMoment } from '../format';
import { OwnerDocumentShell } from '../layout/OwnerDocumentShell';

/** "Qui a vu mon plan": every reading and download of the document, from the audit. */
export function ViewsPage() {
  const { t } = useTranslation('recoveryDocuments');
  return (
    <OwnerDocumentShell page="views" title={() => t('views.title')} description={t('views.description')}>
      {(detail) => <ViewsTable documentId={detail.document.id} />}
    </OwnerDocumentShell>
  );
}

function ViewsTable({ documentId }: { documentId: string }) {
  const { t } = useTranslation('recoveryDocuments');
  const [page, setPage] = useState(1);
  const views = useQuery({ queryKey: sharingKeys.views(documentId, page), queryFn: () => fetchViews(documentId, page), placeholderData: keepPreviousData });
  const columns: Column<TDocumentView>[] = [
    { key: 'who', header: t('views.who'), rowHeader: true, cell: (view) => (view.via === 'owner' ? t('views.you') : view.who.label) },
    { key: 'when', header: t('views.when'), cell: (view) => <time dateTime={view.at}>{formatMoment(view.at, t('views.at'))}</time> },
    { key: 'version', header: t('views.version'), cell: (view) => (view.versionNo === null ? '—' : t('views.versionNo', { number: view.versionNo })) },
    { key: 'how', header: t('views.how'), cell: (view) => `${t(`views.action.${view.kind}`)}${view.via ? ` — ${t(`views.via.${view.via}`)}` : ''}` },
  ];
  return (
    <Stack gap="sm">
      {views.isPending && <LoadingState />}
      <ErrorAlert error={views.error} onRetry={() => void views.refetch()} />
      {views.data && (
        <PaginatedTable
          caption={t('views.caption')}
          columns={columns}
          rows={views.data.items}
          rowKey={(view) => String(view.id)}
          total={views.data.total}
          page={page}
          pageSize={VIEWS_PAGE_SIZE}
          onPageChange={setPage}
          empty={{ title: t('views.none') }}
          minWidth={560}
          refreshing={views.isPlaceholderData}
        />
      )}
    </Stack>
  );
}
