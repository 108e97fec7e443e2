import { Alert, Button, Group, Paper, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZUserUpdateInput } from '../../../../shared/admin';
import type { TRole } from '../../../../shared/roles';
import { isApiError } from '../../../app/api-error';
import { sessionQueryKey } from '../../../app/session';
import { schemaErrors } from '../../../app/validation';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom, focusFirstError } from '../../../ui/form-errors';
import { RoleCheckboxes } from '../../../ui/RoleCheckboxes';
import { adminKeys, updateUser, type TUserDetail } from '../admin-api';

const FIELDS = ['name', 'roles', 'active'] as const;
type Values = { name: string; roles: TRole[]; active: boolean };

interface UserEditFormProps {
  user: TUserDetail;
  onReload: () => void;
  /** The form is re-created for the new version, so the parent shows the confirmation. */
  onSavedChange: (saved: boolean) => void;
}

export function UserEditForm({ user, onReload, onSavedChange }: UserEditFormProps) {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Values | null>(null);
  const form = useForm<Values>({
    initialValues: { name: user.name, roles: [...user.roles], active: user.active },
    validate: (values) => schemaErrors(ZUserUpdateInput, { version: user.version, ...values }),
  });
  const mutation = useMutation({
    mutationFn: (values: Values) => updateUser(user.id, { version: user.version, ...values }),
    onSuccess: (updated) => {
      setPending(null);
      queryClient.setQueryData(adminKeys.user(user.id), updated);
      void queryClient.invalidateQueries({ queryKey: adminKeys.usersAll });
      // Editing oneself (name, roles) changes what the session shows.
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      onSavedChange(true);
    },
    onError: (error) => {
      setPending(null);
      const errors = fieldErrorsFrom(error, FIELDS);
      form.setErrors(errors);
      focusFirstError(errors, FIELDS);
    },
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;
  const readOnly = !user.policies.update;

  const submit = (values: Values) => {
    onSavedChange(false);
    // Deactivation locks someone out: ask first.
    if (user.active && !values.active) setPending(values);
    else mutation.mutate(values);
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form noValidate onSubmit={form.onSubmit(submit, (errors) => focusFirstError(errors, FIELDS))}>
        <Stack gap="md" maw={640}>
          {conflict ? (
            <Alert color="orange" title={t('user.conflictTitle')} role="alert">
              <Stack gap="sm" align="flex-start">
                {t('user.conflictText')}
                <Button variant="outline" color="orange" onClick={onReload}>
                  {t('common:actions.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <ErrorAlert error={mutation.error} fields={FIELDS} />
          )}
          <TextInput
            label={t('user.name')}
            required
            disabled={readOnly}
            autoComplete="off"
            {...form.getInputProps('name')}
          />
          <RoleCheckboxes
            label={t('user.roles')}
            description={t('user.rolesHint')}
            required
            disabled={readOnly}
            {...form.getInputProps('roles')}
          />
          <Switch
            label={t('user.active')}
            description={user.policies.deactivate ? t('user.activeHint') : t('user.cannotDeactivate')}
            disabled={readOnly || (!user.policies.deactivate && user.active)}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={mutation.isPending} disabled={conflict}>
                {t('common:actions.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      <ConfirmDialog
        opened={pending !== null}
        title={t('user.deactivateTitle')}
        confirmLabel={t('user.deactivateConfirm')}
        danger
        loading={mutation.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && mutation.mutate(pending)}
      >
        {t('user.deactivateText', { name: user.name })}
      </ConfirmDialog>
    </Paper>
  );
}
