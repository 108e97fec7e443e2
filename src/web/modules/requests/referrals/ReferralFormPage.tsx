import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { useCurrentSession } from '../../../app/session';
import { PageHeader } from '../../../ui/PageHeader';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { canSeeOwnReferrals, canTriage } from '../access';
import type { TReferralStatus } from '../requests-api';
import { ReferralForm } from './ReferralForm';

function ReferralSent({ referral, onAnother }: { referral: TReferralStatus; onAnother: () => void }) {
  const { t } = useTranslation('requests');
  const { user } = useCurrentSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const partner = canSeeOwnReferrals(user);
  return (
    <SuccessAlert>
      <Stack gap="sm">
        <Title order={2} size="h4" ref={headingRef} tabIndex={-1}>
          {t('referralForm.doneTitle')}
        </Title>
        <Text size="sm">
          {partner
            ? t('referralForm.doneText', { reference: referral.reference })
            : t('referralForm.doneTextTeam', { reference: referral.reference })}
        </Text>
        <Group gap="sm">
          {partner && (
            <Button component={Link} to={paths.referrals} size="sm">
              {t('referralForm.seeMine')}
            </Button>
          )}
          {canTriage(user) && (
            <Button component={Link} to={paths.request(referral.id)} size="sm">
              {t('referralForm.seeQueue')}
            </Button>
          )}
          <Button variant="outline" size="sm" onClick={onAnother}>
            {t('referralForm.another')}
          </Button>
        </Group>
      </Stack>
    </SuccessAlert>
  );
}

/** A partner (or a coordinator taking a request on the phone) refers a person to a peer. */
export function ReferralFormPage() {
  const { t } = useTranslation(['requests', 'common']);
  const { user } = useCurrentSession();
  const [sent, setSent] = useState<TReferralStatus | null>(null);
  const [formKey, setFormKey] = useState(0);
  const partner = canSeeOwnReferrals(user);
  const back = partner
    ? { to: paths.referrals, label: t('referralForm.back') }
    : { to: paths.requests, label: t('referralForm.backTriage') };
  return (
    <Stack gap="md" maw={820}>
      <PageHeader
        title={partner ? t('referralForm.title') : t('referralForm.titleTeam')}
        description={partner ? t('referralForm.intro') : t('referralForm.introTeam')}
        back={back}
      />
      {sent ? (
        <ReferralSent
          referral={sent}
          onAnother={() => {
            setSent(null);
            setFormKey((key) => key + 1);
          }}
        />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('common:requiredHint')}
          </Text>
          <ReferralForm key={formKey} onSent={setSent} team={!partner} />
        </>
      )}
    </Stack>
  );
}
