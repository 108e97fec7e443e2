import { Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPersonDetail } from '../../../../shared/persons';
import { formatDate } from '../../../app/format';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { RecordSection } from '../ui/RecordSection';
import { ConsentForm } from './ConsentForm';
import { WithdrawConsentDialog } from './WithdrawConsentDialog';

type TConsent = TPersonDetail['consents'][number];

function ConsentState({ consent }: { consent: TConsent }) {
  const { t } = useTranslation('persons');
  if (consent.withdrawnAt) {
    return (
      <Stack gap={2}>
        <Badge color="gray" tt="none">
          {t('consents.withdrawn', { date: formatDate(consent.withdrawnAt) })}
        </Badge>
        {consent.withdrawnHow && (
          <Text size="xs" c="dimmed" className="break-anywhere">
            {t('consents.withdrawnHow', { how: consent.withdrawnHow })}
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      <Badge color="green" tt="none">
        {t('consents.active')}
      </Badge>
      {consent.validUntil && (
        <Text size="xs" c="dimmed">
          {t('consents.validUntil', { date: formatDate(consent.validUntil) })}
        </Text>
      )}
    </Stack>
  );
}

/** The person's consents, each with how and when it was given, and its withdrawal. */
export function ConsentsSection({ person }: { person: TPersonDetail }) {
  const { t } = useTranslation('persons');
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<{ id: string; purposeLabel: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canRecord = person.policies.recordConsent;
  return (
    <RecordSection
      title={t('consents.title')}
      actions={
        canRecord && !adding ? (
          <Button
            variant="outline"
            size="sm"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            {t('consents.record')}
          </Button>
        ) : undefined
      }
    >
      <Text size="sm" c="dimmed">
        {t('consents.intro')}
      </Text>
      {notice && <SuccessAlert onClose={() => setNotice(null)}>{notice}</SuccessAlert>}
      {adding && (
        <ConsentForm
          personId={person.id}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            setNotice(t('consents.recorded'));
          }}
        />
      )}
      {person.consents.length === 0 ? (
        <Text>{t('consents.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760} tabIndex={0} role="region" aria-label={t('consents.caption')}>
          <Table verticalSpacing="sm" striped pos="relative">
            <Table.Caption>
              <VisuallyHidden>{t('consents.caption')}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('consents.columns.purpose')}</Table.Th>
                <Table.Th scope="col">{t('consents.columns.detail')}</Table.Th>
                <Table.Th scope="col">{t('consents.columns.method')}</Table.Th>
                <Table.Th scope="col">{t('consents.columns.collectedAt')}</Table.Th>
                <Table.Th scope="col">{t('consents.columns.state')}</Table.Th>
                {canRecord && <Table.Th scope="col">{t('consents.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {person.consents.map((consent) => {
                const purposeLabel = t(`consentPurposes.${consent.purpose}`);
                return (
                  <Table.Tr key={consent.id}>
                    <Table.Th scope="row" fw={600}>
                      {purposeLabel}
                    </Table.Th>
                    <Table.Td className="break-anywhere">
                      {[consent.scope, consent.recipients].filter(Boolean).join(' — ') || '—'}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`consentMethods.${consent.method}`)}</Text>
                      <Text size="xs" c="dimmed" className="break-anywhere">
                        {t('consents.textVersion', { version: consent.textVersion })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDate(consent.collectedAt)}</Table.Td>
                    <Table.Td>
                      <ConsentState consent={consent} />
                    </Table.Td>
                    {canRecord && (
                      <Table.Td>
                        {!consent.withdrawnAt && (
                          <Button
                            variant="outline"
                            color="red"
                            size="xs"
                            aria-label={t('consents.withdrawLabel', { purpose: purposeLabel })}
                            onClick={() => {
                              setNotice(null);
                              setWithdrawing({ id: consent.id, purposeLabel });
                            }}
                          >
                            {t('consents.withdraw')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <WithdrawConsentDialog
        personId={person.id}
        consent={withdrawing}
        onClose={() => setWithdrawing(null)}
        onDone={() => {
          setWithdrawing(null);
          setNotice(t('consents.withdrawnDone'));
        }}
      />
    </RecordSection>
  );
}
