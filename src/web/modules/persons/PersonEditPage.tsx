import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ZPersonUpdateInput, type TPersonDetail, type TPersonUpdateInput } from '../../../shared/persons';
import { isApiError } from '../../app/api-error';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ForbiddenPage } from '../../app/ForbiddenPage';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { PERSON_FIELDS, personFieldErrors, shownErrorFields, toPersonFields, validatePerson, valuesFromPerson, type PersonValues } from './person-form';
import { fetchPerson, personKeys, updatePerson } from './persons-api';
import { personFieldId, PersonFields } from './PersonFields';
import { useReferentChoices } from './referent-choices';
import { ConflictAlert } from './ui/ConflictAlert';
import { focusFirstInvalid } from './ui/focus';

function EditForm({ person, onReload }: { person: TPersonDetail; onReload: () => void }) {
  const { t } = useTranslation(['persons', 'common']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const referentChoices = useReferentChoices(person.referents);
  const form = useForm<PersonValues>({ initialValues: valuesFromPerson(person), validate: validatePerson });
  const mutation = useMutation({
    mutationFn: (input: TPersonUpdateInput) => updatePerson(person.id, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(personKeys.detail(person.id), updated);
      void queryClient.invalidateQueries({ queryKey: personKeys.all, refetchType: 'none' });
      navigate(paths.person(person.id), { state: { notice: 'saved' } });
    },
    onError: (error) => {
      const errors = personFieldErrors(error);
      form.setErrors(errors);
      focusFirstInvalid(errors, [...PERSON_FIELDS, ...Object.keys(errors)], personFieldId);
    },
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => {
          const parsed = ZPersonUpdateInput.safeParse({ version: person.version, ...toPersonFields(values) });
          if (parsed.success) mutation.mutate(parsed.data);
        },
        (errors) => focusFirstInvalid(errors, [...PERSON_FIELDS, ...Object.keys(errors)], personFieldId),
      )}
    >
      <Stack gap="lg">
        {conflict ? (
          <ConflictAlert title={t('edit.conflictTitle')} text={t('edit.conflictText')} onReload={onReload} />
        ) : (
          <ErrorAlert error={mutation.error} fields={shownErrorFields(mutation.error)} />
        )}
        <PersonFields form={form} referentChoices={referentChoices} />
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending} disabled={conflict}>
            {t('form.submitUpdate')}
          </Button>
          <Button component={Link} to={paths.person(person.id)} variant="default">
            {t('common:actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Rectifying a record (coordinators); the version read is sent, a stale one answers 409. */
export function PersonEditPage() {
  const { t } = useTranslation(['persons', 'common']);
  const { id = '' } = useParams();
  const person = useQuery({ queryKey: personKeys.detail(id), queryFn: () => fetchPerson(id) });
  if (person.data && !person.data.policies.update) return <ForbiddenPage />;
  return (
    <Stack gap="md" maw={820}>
      <PageHeader
        title={person.data ? t('edit.title', { name: person.data.displayName }) : t('record.title')}
        back={{ to: paths.person(id), label: t('edit.back') }}
      />
      <Text size="sm" c="dimmed">
        {t('common:requiredHint')}
      </Text>
      {person.isPending && <LoadingState />}
      {person.isError && <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />}
      {/* A new version (after a reload) starts the form again from what the server holds. */}
      {person.data && <EditForm key={person.data.version} person={person.data} onReload={() => void person.refetch()} />}
    </Stack>
  );
}
