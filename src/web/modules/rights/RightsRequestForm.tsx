import { Button, Group, Paper, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RIGHTS_REQUEST_TYPES, type TRightsRequestType } from '../../../shared/accompaniments';
import { RIGHTS_MESSAGES, type TRightsRequestInput } from '../../../shared/rights';
import { currentLocale } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../ui/form-errors';
import { PersonPicker, type TPickedPerson } from '../accompaniments/PersonPicker';
import { describedTileStyles } from '../accompaniments/tile-styles';
import { dayToInstant, todayInParis } from './day-input';
import { createRightsRequest, rightsKeys } from './rights-api';

const FIELDS = ['personId', 'type', 'receivedAt', 'identityCheck'] as const;
type TErrors = Partial<Record<(typeof FIELDS)[number], string>>;

interface RightsRequestFormProps {
  initialPerson: TPickedPerson | null;
  onDone: () => void;
  onCancel: () => void;
}

/** Logs a request to exercise a right (DOMAIN §9.5): who, which right, when it reached us, how identity was checked. */
export function RightsRequestForm({ initialPerson, onDone, onCancel }: RightsRequestFormProps) {
  const { t } = useTranslation(['rights', 'common']);
  const queryClient = useQueryClient();
  const [person, setPerson] = useState<TPickedPerson | null>(initialPerson);
  const [type, setType] = useState<TRightsRequestType | ''>('');
  const [receivedOn, setReceivedOn] = useState(todayInParis());
  const [identityCheck, setIdentityCheck] = useState('');
  const [errors, setErrors] = useState<TErrors>({});
  const mutation = useMutation({
    mutationFn: (input: TRightsRequestInput) => createRightsRequest(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: rightsKeys.requests });
      onDone();
    },
    onError: (error) => {
      const server = fieldErrorsFrom(error, FIELDS);
      const next: TErrors = {};
      for (const field of FIELDS) {
        const message = server[field];
        if (typeof message === 'string') next[field] = message;
      }
      setErrors(next);
      const first = FIELDS.find((field) => next[field]);
      if (first) document.getElementById(`rights-${first}`)?.focus();
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const required = t('common:validation.required');
    const next: TErrors = {
      personId: person ? undefined : required,
      type: type ? undefined : required,
      receivedAt: receivedOn && receivedOn > todayInParis() ? RIGHTS_MESSAGES[currentLocale()].receivedInFuture : undefined,
      identityCheck: identityCheck.trim() !== '' && identityCheck.trim().length < 2 ? t('common:validation.minLength', { count: 2 }) : undefined,
    };
    setErrors(next);
    const first = FIELDS.find((field) => next[field]);
    if (first) {
      document.getElementById(`rights-${first}`)?.focus();
      return;
    }
    if (!person || !type) return;
    mutation.mutate({
      personId: person.id,
      type,
      receivedAt: dayToInstant(receivedOn, 'start'),
      identityCheck: identityCheck.trim() === '' ? null : identityCheck.trim(),
    });
  };
  return (
    <Paper withBorder p="md" bg="gray.0">
      <form noValidate onSubmit={submit} aria-labelledby="rights-form-title">
        <Stack gap="md">
          <Text fw={700} size="lg" id="rights-form-title" component="h2" m={0}>
            {t('requests.formTitle')}
          </Text>
          <Text size="sm">{t('common:requiredHint')}</Text>
          <ErrorAlert error={mutation.error} fields={FIELDS} />
          <PersonPicker id="rights-personId" label={t('requests.person')} value={person} onChange={setPerson} error={errors.personId} />
          <Radio.Group
            label={t('requests.type')}
            required
            value={type}
            onChange={(value) => setType(RIGHTS_REQUEST_TYPES.find((candidate) => candidate === value) ?? '')}
            error={errors.type}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
              {RIGHTS_REQUEST_TYPES.map((value, index) => (
                <Radio
                  key={value}
                  id={index === 0 ? 'rights-type' : undefined}
                  value={value}
                  size="md"
                  styles={describedTileStyles}
                  label={t(`types.${value}.label`)}
                  description={t(`types.${value}.explain`)}
                />
              ))}
            </SimpleGrid>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              id="rights-receivedAt"
              type="date"
              label={t('requests.receivedAt')}
              description={t('requests.receivedAtHint')}
              max={todayInParis()}
              value={receivedOn}
              onChange={(event) => setReceivedOn(event.currentTarget.value)}
              error={errors.receivedAt}
            />
            <TextInput
              id="rights-identityCheck"
              label={t('requests.identityCheck')}
              description={t('requests.identityCheckHint')}
              maxLength={500}
              value={identityCheck}
              onChange={(event) => setIdentityCheck(event.currentTarget.value)}
              error={errors.identityCheck}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {t('requests.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
