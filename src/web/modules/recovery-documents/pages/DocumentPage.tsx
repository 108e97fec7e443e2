import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { TDocumentDetail } from '../../../../shared/recovery-documents-api';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { documentKeys, startReview, versionPdfUrl } from '../api/documents-api';
import { formatDay } from '../format';
import { OwnerDocumentShell } from '../layout/OwnerDocumentShell';
import { DocumentContentView } from '../read/DocumentContentView';
import { DocumentSettings } from '../settings/DocumentSettings';
import { FacilitatorsPanel } from '../settings/FacilitatorsPanel';
import { bigButton } from '../ui';
import { DocumentWriter } from '../writing/DocumentWriter';
import { ValidatePanel } from '../writing/ValidatePanel';

type TNotice = 'created' | 'validated' | 'reviewStarted' | null;

/** The person's document: written one part at a time, validated, then reviewed as a new version. */
export function DocumentPage() {
  const location = useLocation();
  const initial: unknown = location.state && typeof location.state === 'object' ? Reflect.get(location.state, 'notice') : null;
  const [notice, setNotice] = useState<TNotice>(initial === 'created' ? 'created' : null);
  return (
    <OwnerDocumentShell page="write">
      {(detail) => (
        <Stack gap="lg">
          {notice && <NoticeAlert notice={notice} onClose={() => setNotice(null)} />}
          <DocumentBody detail={detail} onNotice={setNotice} />
          {detail.myRole === 'owner' && detail.policies.manage && (
            <>
              <FacilitatorsPanel detail={detail} />
              <DocumentSettings detail={detail} />
            </>
          )}
        </Stack>
      )}
    </OwnerDocumentShell>
  );
}

function NoticeAlert({ notice, onClose }: { notice: Exclude<TNotice, null>; onClose: () => void }) {
  const { t } = useTranslation('recoveryDocuments');
  const text = { created: t('list.created'), validated: t('validate.done'), reviewStarted: t('document.reviewStarted') }[notice];
  return <SuccessAlert onClose={onClose}>{text}</SuccessAlert>;
}

function DocumentBody({ detail, onNotice }: { detail: TDocumentDetail; onNotice: (notice: TNotice) => void }) {
  const { t } = useTranslation('recoveryDocuments');
  const validateHeading = useRef<HTMLHeadingElement | null>(null);
  const { document, draft, active } = detail;

  if (document.status === 'withdrawn') {
    return (
      <Stack gap="md">
        <Alert color="gray">{t('document.withdrawn')}</Alert>
        {active && <DocumentContentView sections={detail.template.definition.sections} content={active.content} />}
      </Stack>
    );
  }
  if (draft && detail.policies.edit) {
    return (
      <DocumentWriter
        key={`${document.id}-${draft.versionNo}`}
        detail={detail}
        draft={draft}
        finish={detail.policies.validate ? { label: t('writing.finish'), onFinish: () => validateHeading.current?.focus() } : undefined}
        renderAfter={(writer) =>
          detail.policies.validate ? (
            <ValidatePanel
              ref={validateHeading}
              documentId={document.id}
              writer={writer}
              onValidated={() => {
                onNotice('validated');
                window.scrollTo({ top: 0 });
              }}
            />
          ) : null
        }
      />
    );
  }
  if (active) return <ActiveVersion detail={detail} active={active} onReviewStarted={() => onNotice('reviewStarted')} />;
  return <Text>{t('writing.readOnly')}</Text>;
}

function ActiveVersion({ detail, active, onReviewStarted }: { detail: TDocumentDetail; active: NonNullable<TDocumentDetail['active']>; onReviewStarted: () => void }) {
  const { t } = useTranslation('recoveryDocuments');
  const queryClient = useQueryClient();
  const review = useMutation({
    mutationFn: () => startReview(detail.document.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: documentKeys.all });
      onReviewStarted();
    },
  });
  return (
    <Stack gap="md">
      <Text>
        {t('versions.version', { number: active.versionNo })} — {t('list.validatedOn', { date: formatDay(active.validatedAt) })}
      </Text>
      {detail.policies.review && (
        <>
          <Text>{t('document.noDraft')}</Text>
          <ErrorAlert error={review.error} />
          <Group gap="sm">
            <Button {...bigButton} onClick={() => review.mutate()} loading={review.isPending}>
              {t('document.startReview')}
            </Button>
            <Button {...bigButton} variant="default" component="a" href={versionPdfUrl(detail.document.id, active.versionNo)} download>
              {t('document.downloadPdf', { version: active.versionNo })}
            </Button>
          </Group>
        </>
      )}
      <DocumentContentView sections={detail.template.definition.sections} content={active.content} />
    </Stack>
  );
}
