import { Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ZPersonCreateInput, type TPersonCreateInput } from '../../../shared/persons';
import { isApiError } from '../../app/api-error';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { DuplicatesPanel } from './DuplicatesPanel';
import { EMPTY_PERSON, PERSON_FIELDS, personFieldErrors, shownErrorFields, toPersonFields, validatePerson, type PersonValues } from './person-form';
import { createPerson, fetchDuplicates, personKeys, type TDuplicate } from './persons-api';
import { personFieldId, PersonFields } from './PersonFields';
import { focusFirstInvalid } from './ui/focus';
import { useReferentChoices } from './referent-choices';

/** The look-alikes behind a 409: the answer names them, the duplicates route lists them in full. */
async function lookAlikes(input: TPersonCreateInput): Promise<TDuplicate[]> {
  const { duplicates } = await fetchDuplicates({
    firstName: input.firstName ?? undefined,
    pseudonym: input.pseudonym ?? undefined,
    lastName: input.lastName ?? undefined,
    birthYear: input.birthYear ?? undefined,
    communeInsee: input.communeInsee,
  });
  return duplicates;
}

/** A coordinator creates a record; look-alikes stop the creation until someone checked them. */
export function NewPersonPage() {
  const { t } = useTranslation(['persons', 'common']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const referentChoices = useReferentChoices([]);
  const [duplicates, setDuplicates] = useState<{ input: TPersonCreateInput; found: TDuplicate[] } | null>(null);
  const form = useForm<PersonValues>({
    initialValues: EMPTY_PERSON,
    validate: validatePerson,
    // "Create anyway" must create what was checked: any change sends the form through the check again.
    onValuesChange: () => setDuplicates(null),
  });
  const mutation = useMutation({
    mutationFn: createPerson,
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      queryClient.setQueryData(personKeys.detail(person.id), person);
      navigate(paths.person(person.id), { state: { notice: 'created' } });
    },
    onError: async (error, input) => {
      if (isApiError(error) && error.code === 'possibleDuplicate') {
        const found = await lookAlikes(input).catch(() => []);
        setDuplicates({ input, found });
        return;
      }
      const errors = personFieldErrors(error);
      form.setErrors(errors);
      focusFirstInvalid(errors, [...PERSON_FIELDS, ...Object.keys(errors)], personFieldId);
    },
  });
  const submit = (values: PersonValues) => {
    setDuplicates(null);
    const parsed = ZPersonCreateInput.safeParse(toPersonFields(values));
    if (parsed.success) mutation.mutate(parsed.data);
  };
  const duplicateShown = duplicates !== null;

  return (
    <Stack gap="md" maw={820}>
      <PageHeader title={t('create.title')} description={t('create.intro')} back={{ to: paths.persons, label: t('create.back') }} />
      <Text size="sm" c="dimmed">
        {t('common:requiredHint')}
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit(submit, (errors) => focusFirstInvalid(errors, [...PERSON_FIELDS, ...Object.keys(errors)], personFieldId))}
      >
        <Stack gap="lg">
          {!duplicateShown && !(isApiError(mutation.error) && mutation.error.code === 'possibleDuplicate') && (
            <ErrorAlert error={mutation.error} fields={shownErrorFields(mutation.error)} />
          )}
          <PersonFields form={form} referentChoices={referentChoices} />
          {duplicates && (
            <DuplicatesPanel
              duplicates={duplicates.found}
              creating={mutation.isPending}
              onCreateAnyway={() => mutation.mutate({ ...duplicates.input, ignoreDuplicates: true })}
            />
          )}
          <div>
            <Button type="submit" loading={mutation.isPending && !duplicateShown}>
              {t('form.submitCreate')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
