import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import type { ZPublicRequestAnswer } from '../../../shared/requests';
import { paths } from '../../app/paths';
import { PublicShell } from '../../app/PublicShell';
import { PageHeader } from '../../ui/PageHeader';
import { organizationSlugFrom } from './organization';
import { PublicRequestDone } from './PublicRequestDone';
import { PublicRequestForm } from './PublicRequestForm';

type TAnswer = z.output<typeof ZPublicRequestAnswer>;

/** "Être accompagné·e par un pair": anyone, without an account, asks to be called back. */
export function PublicRequestPage() {
  const { t } = useTranslation(['publicRequest', 'common']);
  const { organisation } = useParams();
  const organizationSlug = organizationSlugFrom(organisation);
  const [answer, setAnswer] = useState<TAnswer | null>(null);
  const [unknownOrganization, setUnknownOrganization] = useState(organizationSlug === null);
  // A new key gives "make another request" a fresh, empty form.
  const [formKey, setFormKey] = useState(0);

  return (
    <PublicShell width={680}>
      <Stack gap="md">
        <PageHeader title={t('title')} />
        {unknownOrganization || organizationSlug === null ? (
          <Alert color="orange" role="alert">
            {t('unknownOrganization')}
          </Alert>
        ) : answer ? (
          <PublicRequestDone
            reference={answer.reference}
            whatHappensNext={answer.whatHappensNext}
            acknowledgementSent={answer.acknowledgementSent}
            onAnother={() => {
              setAnswer(null);
              setFormKey((key) => key + 1);
            }}
          />
        ) : (
          <>
            <Text>{t('intro')}</Text>
            <Text>{t('free')}</Text>
            <Alert color="orange" title={t('emergencyTitle')}>
              {t('emergency')}
            </Alert>
            <Text size="sm" c="dimmed">
              {t('requiredHint')}
            </Text>
            <PublicRequestForm
              key={formKey}
              organizationSlug={organizationSlug}
              onSent={(sent) => setAnswer(sent)}
              onUnknownOrganization={() => setUnknownOrganization(true)}
            />
          </>
        )}
        <Anchor component={Link} to={paths.login} ta="center" size="sm">
          {t('backToLogin')}
        </Anchor>
      </Stack>
    </PublicShell>
  );
}
