import { Button, Checkbox, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { REQUEST_CONTACT_METHODS, ZContactMethod, ZPublicRequestInput, type ZPublicRequestAnswer } from '../../../shared/requests';
import { isApiError } from '../../app/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom, otherMessagesFrom } from '../../ui/form-errors';
import { TerritoryFields } from '../persons/territory/TerritoryFields';
import { ErrorSummary, type SummaryField } from './ErrorSummary';
import { HoneypotField } from './HoneypotField';
import { sendPublicRequest } from './public-request-api';
import {
  EMPTY_PUBLIC_REQUEST,
  PUBLIC_REQUEST_FIELDS,
  toPublicRequestInput,
  validatePublicRequest,
  type PublicRequestValues,
} from './public-request-form';
import { FormSection } from '../persons/ui/FormSection';
import { RequiredLabel } from '../persons/ui/RequiredLabel';

const ID = 'public-request';
const idOf = (field: string) => `${ID}-${field}`;

function onlyFieldProblems(error: unknown): boolean {
  return isApiError(error) && error.status === 400 && otherMessagesFrom(error, PUBLIC_REQUEST_FIELDS).length === 0;
}

interface PublicRequestFormProps {
  organizationSlug: string;
  onSent: (answer: z.output<typeof ZPublicRequestAnswer>) => void;
  onUnknownOrganization: () => void;
}

export function PublicRequestForm({ organizationSlug, onSent, onUnknownOrganization }: PublicRequestFormProps) {
  const { t } = useTranslation(['publicRequest', 'persons']);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Bumped after each failed send: the summary, re-rendered with the new errors, then takes focus.
  const [failedSends, setFailedSends] = useState(0);
  const form = useForm<PublicRequestValues>({
    initialValues: EMPTY_PUBLIC_REQUEST,
    validate: (values) => validatePublicRequest(values, organizationSlug),
  });
  const showProblems = (errors: FormErrors) => {
    form.setErrors(errors);
    setFailedSends((count) => count + 1);
  };
  const mutation = useMutation({
    mutationFn: sendPublicRequest,
    onSuccess: (answer) => onSent(answer),
    onError: (error) => {
      if (isApiError(error) && error.status === 404) onUnknownOrganization();
      else showProblems(fieldErrorsFrom(error, PUBLIC_REQUEST_FIELDS));
    },
  });
  useEffect(() => {
    if (failedSends > 0) summaryRef.current?.focus();
  }, [failedSends]);

  const method = ZContactMethod.safeParse(form.values.contactMethod).data;
  const summaryFields: SummaryField[] = [
    { name: 'firstName', label: t('form.firstName'), id: idOf('firstName') },
    { name: 'contactMethod', label: t('summaryLabels.contactMethod'), id: idOf('contactMethod-phone') },
    { name: 'phone', label: t('form.phone'), id: idOf('phone') },
    { name: 'email', label: t('form.email'), id: idOf('email') },
    { name: 'partnerName', label: t('form.partnerName'), id: idOf('partnerName') },
    { name: 'preferredTimes', label: t('form.preferredTimes'), id: idOf('preferredTimes') },
    { name: 'departement', label: t('persons:territory.departement'), id: idOf('departement') },
    { name: 'communeName', label: t('persons:territory.communeName'), id: idOf('communeName') },
    { name: 'communeInsee', label: t('persons:territory.communeInsee'), id: idOf('communeInsee') },
    { name: 'hopes', label: t('form.hopes'), id: idOf('hopes') },
    { name: 'consentToBeContacted', label: t('summaryLabels.consentToBeContacted'), id: idOf('consentToBeContacted') },
    { name: 'consentToDataProcessing', label: t('summaryLabels.consentToDataProcessing'), id: idOf('consentToDataProcessing') },
  ];

  return (
    <form
      noValidate
      aria-label={t('title')}
      onSubmit={form.onSubmit(
        (values) => {
          // Validation passed; parsing again gives the contract's own shape (e-mail lower-cased).
          const parsed = ZPublicRequestInput.safeParse(toPublicRequestInput(values, organizationSlug));
          if (parsed.success) mutation.mutate(parsed.data);
        },
        () => setFailedSends((count) => count + 1),
      )}
    >
      <Stack gap="lg">
        <ErrorSummary ref={summaryRef} errors={form.errors} fields={summaryFields} />
        {/* Field problems are in the summary; the alert says what is about nothing on screen. */}
        {!onlyFieldProblems(mutation.error) && <ErrorAlert error={mutation.error} fields={PUBLIC_REQUEST_FIELDS} />}

        <FormSection legend={t('sections.you')}>
          <TextInput
            id={idOf('firstName')}
            label={t('form.firstName')}
            description={t('form.firstNameHint')}
            required
            autoComplete="given-name"
            maxLength={80}
            {...form.getInputProps('firstName')}
          />
        </FormSection>

        <FormSection legend={t('sections.contact')}>
          <Stack gap="md">
            <Radio.Group label={t('form.contactMethod')} withAsterisk {...form.getInputProps('contactMethod')}>
              <Stack gap="xs" mt="xs">
                {REQUEST_CONTACT_METHODS.map((value) => (
                  <Radio key={value} id={idOf(`contactMethod-${value}`)} value={value} label={t(`form.contactMethods.${value}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {method === 'phone' && (
              <TextInput
                id={idOf('phone')}
                label={t('form.phone')}
                description={t('form.phoneHint')}
                required
                type="tel"
                autoComplete="tel"
                maxLength={20}
                {...form.getInputProps('phone')}
              />
            )}
            {method === 'email' && (
              <TextInput
                id={idOf('email')}
                label={t('form.email')}
                description={t('form.emailHint')}
                required
                type="email"
                autoComplete="email"
                maxLength={254}
                {...form.getInputProps('email')}
              />
            )}
            {method === 'through_partner' && (
              <TextInput
                id={idOf('partnerName')}
                label={t('form.partnerName')}
                description={t('form.partnerNameHint')}
                required
                maxLength={160}
                {...form.getInputProps('partnerName')}
              />
            )}
            <TextInput
              id={idOf('preferredTimes')}
              label={t('form.preferredTimes')}
              description={t('form.preferredTimesHint')}
              maxLength={500}
              {...form.getInputProps('preferredTimes')}
            />
          </Stack>
        </FormSection>

        <FormSection legend={t('sections.territory')}>
          <TerritoryFields
            idPrefix={ID}
            departement={form.getInputProps('departement')}
            communeName={form.getInputProps('communeName')}
            communeInsee={form.getInputProps('communeInsee')}
          />
        </FormSection>

        <FormSection legend={t('sections.hopes')}>
          <Textarea
            id={idOf('hopes')}
            label={t('form.hopes')}
            description={t('form.hopesHint')}
            required
            autosize
            minRows={4}
            maxRows={12}
            maxLength={4000}
            {...form.getInputProps('hopes')}
          />
        </FormSection>

        <FormSection legend={t('sections.consents')}>
          <Stack gap="md">
            <Text size="sm">{t('form.consentsLegend')}</Text>
            <Checkbox
              id={idOf('consentToBeContacted')}
              label={<RequiredLabel>{t('form.consentToBeContacted')}</RequiredLabel>}
              required
              {...form.getInputProps('consentToBeContacted', { type: 'checkbox' })}
            />
            <Checkbox
              id={idOf('consentToDataProcessing')}
              label={<RequiredLabel>{t('form.consentToDataProcessing')}</RequiredLabel>}
              required
              {...form.getInputProps('consentToDataProcessing', { type: 'checkbox' })}
            />
          </Stack>
        </FormSection>

        <HoneypotField value={form.values.website} onChange={(value) => form.setFieldValue('website', value)} />

        <Button type="submit" size="md" loading={mutation.isPending} fullWidth>
          {t('form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
