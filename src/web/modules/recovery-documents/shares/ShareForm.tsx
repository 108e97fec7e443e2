import { Button, Checkbox, NativeSelect, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TShareCreated } from '../../../../shared/recovery-sharing';
import type { TDocumentDetail } from '../../../../shared/recovery-documents-api';
import { isApiError } from '../../../app/api-error';
import { parisDayToIso } from '../../../app/format';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { createShare, sharingKeys } from '../api/sharing-api';
import { parisDayInMonths, parisToday } from '../format';
import { bigButton } from '../ui';
import { RecipientPicker } from './RecipientPicker';
import { formFieldOf, SHARE_FORM_FIELDS, shareFormErrors, shareInputFrom, type TShareFormField, type TShareFormValues } from './share-form-model';

const initialValues = (): TShareFormValues => ({
  recipientKind: 'user',
  userId: '',
  userName: '',
  email: '',
  label: '',
  version: '',
  scope: 'all',
  sections: [],
  expiresOn: parisDayInMonths(3),
  purpose: '',
});

/** Server messages about fields this form shows, placed under them. */
function serverErrors(error: unknown): Partial<Record<TShareFormField, string>> {
  if (!isApiError(error)) return {};
  const result: Partial<Record<TShareFormField, string>> = {};
  for (const [key, messages] of Object.entries(error.errors)) {
    const field = formFieldOf(key);
    if (field) result[field] = [result[field], ...messages].filter(Boolean).join(' ');
  }
  return result;
}

function focusField(field: TShareFormField | undefined) {
  if (!field) return;
  document.querySelector<HTMLElement>(`[data-path="${field}"], [data-field="${field}"] input`)?.focus();
}

/** Who, which version, which parts, until when, why: one form, then the link and code once for someone outside. */
export function ShareForm({ detail, onCreated }: { detail: TDocumentDetail; onCreated: (created: TShareCreated) => void }) {
  const { t } = useTranslation(['recoveryDocuments', 'common']);
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<Partial<Record<TShareFormField, string>>>({});
  const set = <K extends keyof TShareFormValues>(key: K, value: TShareFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const validatedVersions = detail.versions.filter((version) => version.status !== 'draft');
  const create = useMutation({
    mutationFn: (input: ReturnType<typeof shareInputFrom>) => createShare(detail.document.id, input),
    onSuccess: async (created) => {
      setValues(initialValues());
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: sharingKeys.shares(detail.document.id) });
      onCreated(created);
    },
    onError: (error) => {
      const fieldErrors = serverErrors(error);
      setErrors(fieldErrors);
      focusField(SHARE_FORM_FIELDS.find((field) => fieldErrors[field]));
    },
  });

  const submit = () => {
    const found = shareFormErrors(values, parisToday(), {
      required: t('common:validation.required'),
      email: t('common:validation.email'),
      pickOne: t('common:validation.pickOne'),
      pickRecipient: t('shares.pickRecipient'),
      future: t('shares.expiresFuture'),
    });
    setErrors(found);
    const first = SHARE_FORM_FIELDS.find((field) => found[field]);
    if (first) {
      focusField(first);
      return;
    }
    create.mutate(shareInputFrom(values, parisDayToIso(values.expiresOn, true)));
  };

  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-labelledby="share-form-title">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Title order={2} id="share-form-title">
            {t('shares.createTitle')}
          </Title>
          <Radio.Group label={t('shares.recipientKind')} value={values.recipientKind} onChange={(kind) => set('recipientKind', kind === 'external' ? 'external' : 'user')} size="md">
            <Stack gap={4} mt="xs">
              <Radio value="user" label={t('shares.recipientUser')} styles={{ body: { minHeight: 44, alignItems: 'center' } }} />
              <Radio value="external" label={t('shares.recipientExternal')} styles={{ body: { minHeight: 44, alignItems: 'center' } }} />
            </Stack>
          </Radio.Group>
          {values.recipientKind === 'user' ? (
            <>
              <RecipientPicker documentId={detail.document.id} value={values.userId} onChange={(user) => setValues((current) => ({ ...current, userId: user.id, userName: user.name }))} error={errors.recipient} />
              {values.userId && <Text fw={600}>{t('shares.recipientChosen', { name: values.userName })}</Text>}
            </>
          ) : (
            <>
              <TextInput label={t('shares.recipientEmail')} type="email" autoComplete="off" value={values.email} onChange={(event) => set('email', event.currentTarget.value)} error={errors.email} required size="md" data-path="email" maxLength={254} />
              <TextInput label={t('shares.recipientLabel')} description={t('shares.recipientLabelHint')} value={values.label} onChange={(event) => set('label', event.currentTarget.value)} error={errors.label} required size="md" data-path="label" maxLength={200} />
            </>
          )}
          <NativeSelect
            label={t('shares.version')}
            value={values.version}
            onChange={(event) => set('version', event.currentTarget.value)}
            data={[{ value: '', label: t('shares.versionLatest') }, ...validatedVersions.map((version) => ({ value: String(version.versionNo), label: t('shares.versionFixed', { number: version.versionNo }) }))]}
            size="md"
          />
          <Radio.Group label={t('shares.scope')} value={values.scope} onChange={(scope) => set('scope', scope === 'some' ? 'some' : 'all')} size="md">
            <Stack gap={4} mt="xs">
              <Radio value="all" label={t('shares.scopeAll')} styles={{ body: { minHeight: 44, alignItems: 'center' } }} />
              <Radio value="some" label={t('shares.scopeSome')} styles={{ body: { minHeight: 44, alignItems: 'center' } }} />
            </Stack>
          </Radio.Group>
          {values.scope === 'some' && (
            <Checkbox.Group label={t('shares.scopeSections')} value={values.sections} onChange={(sections) => set('sections', sections)} error={errors.sections} withAsterisk size="md" data-field="sections">
              <Stack gap={4} mt="xs">
                {detail.template.definition.sections.map((section) => (
                  <Checkbox key={section.code} value={section.code} label={section.title} styles={{ body: { minHeight: 44, alignItems: 'center' } }} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <TextInput type="date" label={t('shares.expiresAt')} description={t('shares.expiresAtHint')} value={values.expiresOn} min={parisToday()} onChange={(event) => set('expiresOn', event.currentTarget.value)} error={errors.expiresOn} required size="md" maw={320} data-path="expiresOn" />
          <TextInput label={t('shares.purpose')} description={t('shares.purposeHint')} value={values.purpose} onChange={(event) => set('purpose', event.currentTarget.value)} error={errors.purpose} required size="md" maxLength={500} data-path="purpose" />
          <ErrorAlert error={create.error} fields={['recipient', 'recipient.email', 'recipient.label', 'recipient.userId', 'label', 'scopeSections', 'expiresAt', 'purpose']} />
          <div>
            <Button type="submit" {...bigButton} loading={create.isPending}>
              {t('shares.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
