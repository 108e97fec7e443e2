import { Button, Checkbox, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_URGENCIES, ZReferralInput, type TReferralInput } from '../../../../shared/requests';
import { isApiError } from '../../../app/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom, otherMessagesFrom } from '../../../ui/form-errors';
import { TerritoryFields } from '../../persons/territory/TerritoryFields';
import { ErrorSummary, type SummaryField } from '../../public-request/ErrorSummary';
import { createReferral, requestKeys, type TReferralStatus } from '../requests-api';
import { CONSENT_METHODS, EMPTY_REFERRAL, REFERRAL_FIELDS, toReferralInput, validateReferral, type ReferralValues } from './referral-form';
import { FormSection } from '../../persons/ui/FormSection';
import { RequiredLabel } from '../../persons/ui/RequiredLabel';

const ID = 'referral';
const idOf = (field: string) => `${ID}-${field}`;

function onlyFieldProblems(error: unknown): boolean {
  return isApiError(error) && error.status === 400 && otherMessagesFrom(error, REFERRAL_FIELDS).length === 0;
}

/** The referral contract, with the person's agreement recorded as it was given. */
/** `team`: a coordinator enters a request for the team, not a partner for their own structure. */
export function ReferralForm({ onSent, team }: { onSent: (referral: TReferralStatus) => void; team: boolean }) {
  const { t } = useTranslation(['requests', 'persons']);
  const queryClient = useQueryClient();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [failedSends, setFailedSends] = useState(0);
  const form = useForm<ReferralValues>({ initialValues: EMPTY_REFERRAL, validate: validateReferral });
  const showProblems = (errors: FormErrors) => {
    form.setErrors(errors);
    setFailedSends((count) => count + 1);
  };
  const mutation = useMutation({
    mutationFn: (input: TReferralInput) => createReferral(input),
    onSuccess: (referral) => {
      void queryClient.invalidateQueries({ queryKey: requestKeys.referralsAll });
      void queryClient.invalidateQueries({ queryKey: requestKeys.all });
      onSent(referral);
    },
    onError: (error) => showProblems(fieldErrorsFrom(error, REFERRAL_FIELDS)),
  });
  useEffect(() => {
    if (failedSends > 0) summaryRef.current?.focus();
  }, [failedSends]);

  const emergency = form.values.urgency === 'emergency_department';
  const label = (field: string, text: string, id = idOf(field)): SummaryField => ({ name: field, label: text, id });
  const summaryFields: SummaryField[] = [
    label('firstName', t('referralForm.firstName')),
    label('pseudonym', t('referralForm.pseudonym')),
    label('lastName', t('referralForm.lastName')),
    label('birthYear', t('referralForm.birthYear')),
    label('phone', t('referralForm.phone')),
    label('email', t('referralForm.email')),
    label('departement', t('persons:territory.departement')),
    label('communeName', t('persons:territory.communeName')),
    label('communeInsee', t('persons:territory.communeInsee')),
    label('referringStructure', team ? t('referralForm.referringStructureTeam') : t('referralForm.referringStructure')),
    label('reason', t('referralForm.reason')),
    label('urgency', t('referralForm.urgency'), idOf('urgency-standard')),
    label('emergencySite', t('referralForm.emergencySite')),
    label('emergencyContact', t('referralForm.emergencyContact')),
    label('consentGiven', t('referralForm.consentGiven')),
    label('consentMethod', t('referralForm.consentMethod'), idOf('consentMethod-oral_recorded')),
  ];

  return (
    <form
      noValidate
      aria-label={team ? t('referralForm.titleTeam') : t('referralForm.title')}
      onSubmit={form.onSubmit(
        (values) => {
          const parsed = ZReferralInput.safeParse(toReferralInput(values));
          if (parsed.success) mutation.mutate(parsed.data);
        },
        () => setFailedSends((count) => count + 1),
      )}
    >
      <Stack gap="lg">
        <ErrorSummary ref={summaryRef} errors={form.errors} fields={summaryFields} />
        {!onlyFieldProblems(mutation.error) && <ErrorAlert error={mutation.error} fields={REFERRAL_FIELDS} />}

        <FormSection legend={t('referralForm.person')}>
          <Stack gap="md">
            <Text size="sm">{t('referralForm.nameHint')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput id={idOf('firstName')} label={t('referralForm.firstName')} autoComplete="off" maxLength={80} {...form.getInputProps('firstName')} />
              <TextInput id={idOf('pseudonym')} label={t('referralForm.pseudonym')} autoComplete="off" maxLength={80} {...form.getInputProps('pseudonym')} />
              <TextInput id={idOf('lastName')} label={t('referralForm.lastName')} autoComplete="off" maxLength={80} {...form.getInputProps('lastName')} />
              <TextInput
                id={idOf('birthYear')}
                label={t('referralForm.birthYear')}
                description={t('persons:form.birthYearHint')}
                inputMode="numeric"
                autoComplete="off"
                maxLength={4}
                {...form.getInputProps('birthYear')}
              />
              <TextInput id={idOf('phone')} label={t('referralForm.phone')} type="tel" autoComplete="off" maxLength={20} {...form.getInputProps('phone')} />
              <TextInput id={idOf('email')} label={t('referralForm.email')} type="email" autoComplete="off" maxLength={254} {...form.getInputProps('email')} />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('referralForm.contactHint')}
            </Text>
            <TerritoryFields
              idPrefix={ID}
              departement={form.getInputProps('departement')}
              communeName={form.getInputProps('communeName')}
              communeInsee={form.getInputProps('communeInsee')}
            />
          </Stack>
        </FormSection>

        <FormSection legend={t('referralForm.referral')}>
          <Stack gap="md">
            <TextInput
              id={idOf('referringStructure')}
              label={team ? t('referralForm.referringStructureTeam') : t('referralForm.referringStructure')}
              description={team ? t('referralForm.referringStructureTeamHint') : t('referralForm.referringStructureHint')}
              required
              maxLength={160}
              {...form.getInputProps('referringStructure')}
            />
            <Textarea
              id={idOf('reason')}
              label={t('referralForm.reason')}
              description={t('referralForm.reasonHint')}
              required
              autosize
              minRows={3}
              maxLength={4000}
              {...form.getInputProps('reason')}
            />
            <Radio.Group label={t('referralForm.urgency')} withAsterisk {...form.getInputProps('urgency')}>
              <Stack gap="xs" mt="xs">
                {REQUEST_URGENCIES.map((urgency) => (
                  <Radio key={urgency} id={idOf(`urgency-${urgency}`)} value={urgency} label={t(`referralForm.urgencyOptions.${urgency}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {emergency && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  id={idOf('emergencySite')}
                  label={t('referralForm.emergencySite')}
                  description={t('referralForm.emergencySiteHint')}
                  required
                  maxLength={160}
                  {...form.getInputProps('emergencySite')}
                />
                <TextInput
                  id={idOf('emergencyContact')}
                  label={t('referralForm.emergencyContact')}
                  description={t('referralForm.emergencyContactHint')}
                  maxLength={160}
                  {...form.getInputProps('emergencyContact')}
                />
              </SimpleGrid>
            )}
          </Stack>
        </FormSection>

        <FormSection legend={t('referralForm.consent')}>
          <Stack gap="md">
            <Text size="sm" className="preserve-lines">
              {team ? t('referralForm.consentTextTeam') : t('referralForm.consentText')}
            </Text>
            <Checkbox
              id={idOf('consentGiven')}
              label={<RequiredLabel>{t('referralForm.consentGiven')}</RequiredLabel>}
              required
              {...form.getInputProps('consentGiven', { type: 'checkbox' })}
            />
            <Radio.Group label={t('referralForm.consentMethod')} withAsterisk {...form.getInputProps('consentMethod')}>
              <Stack gap="xs" mt="xs">
                {CONSENT_METHODS.map((method) => (
                  <Radio key={method} id={idOf(`consentMethod-${method}`)} value={method} label={t(`referralForm.consentMethods.${method}`)} />
                ))}
              </Stack>
            </Radio.Group>
          </Stack>
        </FormSection>

        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t('referralForm.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
