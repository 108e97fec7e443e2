import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { NOTE_CONFIDENTIALITY, ZNoteInput, type TNoteConfidentiality, type TNoteInput } from '../../../../shared/accompaniments';
import { schemaErrors } from '../../../app/validation';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../../ui/form-errors';
import { focusFirstInvalidField } from '../focus';
import { describedTileStyles } from '../tile-styles';

export const NOTE_FIELDS = ['confidentiality', 'body'] as const;
type Values = { confidentiality: TNoteConfidentiality; body: string };

interface NoteFormProps {
  /** Distinguishes the new-note form from each correction form on the page. */
  formId: string;
  title: string;
  initial: Values;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: TNoteInput) => void;
  onCancel?: () => void;
}

/**
 * A note and who may read it, each choice explained in plain words. Notes are part of the record:
 * the form says so, so that they are written as facts (DOMAIN §9.5).
 */
export function NoteForm({ formId, title, initial, submitLabel, pending, error, onSubmit, onCancel }: NoteFormProps) {
  const { t } = useTranslation(['accompaniments', 'common']);
  const form = useForm<Values>({ initialValues: initial, validate: (values) => schemaErrors(ZNoteInput, values) });
  const serverErrors = fieldErrorsFrom(error, NOTE_FIELDS);
  const titleId = `${formId}-title`;
  return (
    <form
      noValidate
      aria-labelledby={titleId}
      onSubmit={form.onSubmit(
        (values) => onSubmit({ confidentiality: values.confidentiality, body: values.body.trim() }),
        (errors) => focusFirstInvalidField(errors, NOTE_FIELDS),
      )}
    >
      <Stack gap="md">
        <Text fw={700} id={titleId} component="h3" m={0}>
          {title}
        </Text>
        <ErrorAlert error={error} fields={NOTE_FIELDS} />
        <Textarea
          label={t('notes.body')}
          description={t('notes.bodyHint')}
          required
          autosize
          minRows={4}
          maxLength={10_000}
          size="md"
          {...form.getInputProps('body')}
          error={form.errors.body ?? serverErrors.body}
        />
        <Radio.Group
          label={t('notes.confidentialityLabel')}
          description={t('notes.confidentialityHint')}
          required
          size="md"
          {...form.getInputProps('confidentiality')}
          error={form.errors.confidentiality ?? serverErrors.confidentiality}
        >
          <Stack gap="xs" mt="xs">
            {NOTE_CONFIDENTIALITY.map((level) => (
              <Radio
                key={level}
                value={level}
                size="md"
                styles={describedTileStyles}
                label={t(`confidentiality.${level}.label`)}
                description={t(`confidentiality.${level}.explain`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Group gap="sm">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
