import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZInvitationCreateInput } from '../../../../shared/admin';
import type { TRole } from '../../../../shared/roles';
import { schemaErrors } from '../../../app/validation';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom, focusFirstError } from '../../../ui/form-errors';
import { RoleCheckboxes } from '../../../ui/RoleCheckboxes';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { adminKeys, createInvitation } from '../admin-api';

const FIELDS = ['email', 'name', 'roles'] as const;
type Values = { email: string; name: string; roles: TRole[] };

export function InvitationForm() {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { email: '', name: '', roles: [] },
    validate: (values) => schemaErrors(ZInvitationCreateInput, values),
  });
  const mutation = useMutation({
    mutationFn: createInvitation,
    onSuccess: (invitation) => {
      setSentTo(invitation.email);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: adminKeys.invitationsAll });
    },
    onError: (error) => {
      // 409 emailTaken is about the address typed: show it under the field too.
      const errors = fieldErrorsFrom(error, FIELDS, { emailTaken: 'email' });
      form.setErrors(errors);
      focusFirstError(errors, FIELDS);
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => {
          setSentTo(null);
          mutation.mutate(values);
        },
        (errors) => focusFirstError(errors, FIELDS),
      )}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('common:requiredHint')}
        </Text>
        {sentTo && (
          <SuccessAlert onClose={() => setSentTo(null)}>{t('invitations.sent', { email: sentTo })}</SuccessAlert>
        )}
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Group grow align="flex-start" wrap="wrap" gap="md">
          <TextInput
            label={t('invitations.name')}
            required
            autoComplete="off"
            miw={220}
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('invitations.email')}
            type="email"
            required
            autoComplete="off"
            miw={220}
            {...form.getInputProps('email')}
          />
        </Group>
        <RoleCheckboxes label={t('invitations.roles')} required {...form.getInputProps('roles')} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('invitations.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
