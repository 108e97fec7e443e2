import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZOrganizationCreateInput } from '../../../../shared/admin';
import { i18next } from '../../../app/i18n';
import { schemaErrors } from '../../../app/validation';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom, focusFirstError } from '../../../ui/form-errors';
import { SuccessAlert } from '../../../ui/SuccessAlert';
import { adminKeys, createOrganization } from '../admin-api';
import { slugify } from './slug';

const FIELDS = ['name', 'slug', 'region', 'adminName', 'adminEmail'] as const;
const EMPTY = { name: '', slug: '', region: '', adminName: '', adminEmail: '' };

export function OrganizationForm() {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  // The slug follows the name until someone edits it by hand.
  const [slugTouched, setSlugTouched] = useState(false);
  const form = useForm({
    initialValues: EMPTY,
    validate: (values) => schemaErrors(ZOrganizationCreateInput, values, { slug: i18next.t('validation.slug') }),
  });
  const mutation = useMutation({
    mutationFn: createOrganization,
    onSuccess: (organization) => {
      setCreated(organization.name);
      setSlugTouched(false);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: adminKeys.organizationsAll });
    },
    onError: (error) => {
      const errors = fieldErrorsFrom(error, FIELDS);
      form.setErrors(errors);
      focusFirstError(errors, FIELDS);
    },
  });
  const nameProps = form.getInputProps('name');
  const slugProps = form.getInputProps('slug');

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => {
          setCreated(null);
          mutation.mutate(values);
        },
        (errors) => focusFirstError(errors, FIELDS),
      )}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('organizations.formHint')} {t('common:requiredHint')}
        </Text>
        {created && (
          <SuccessAlert onClose={() => setCreated(null)}>{t('organizations.created', { name: created })}</SuccessAlert>
        )}
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('organizations.name')}
            required
            autoComplete="off"
            {...nameProps}
            onChange={(event) => {
              const name = event.currentTarget.value;
              form.setFieldValue('name', name);
              if (!slugTouched) form.setFieldValue('slug', slugify(name));
            }}
          />
          <TextInput
            label={t('organizations.slug')}
            description={t('organizations.slugHint')}
            required
            autoComplete="off"
            spellCheck={false}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...slugProps}
            onChange={(event) => {
              setSlugTouched(true);
              form.setFieldValue('slug', event.currentTarget.value);
            }}
          />
          <TextInput label={t('organizations.region')} required autoComplete="off" {...form.getInputProps('region')} />
          <div />
          <TextInput
            label={t('organizations.adminName')}
            required
            autoComplete="off"
            {...form.getInputProps('adminName')}
          />
          <TextInput
            label={t('organizations.adminEmail')}
            type="email"
            required
            autoComplete="off"
            {...form.getInputProps('adminEmail')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('organizations.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
