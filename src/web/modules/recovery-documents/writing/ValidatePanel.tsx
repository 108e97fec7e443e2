import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldErrorsFrom } from '../../../ui/form-errors';
import { documentKeys, validateDocument } from '../api/documents-api';
import { parisDayInMonths, parisToday } from '../format';
import { bigButton } from '../ui';
import type { TWriterState } from './DocumentWriter';

const FIELDS = ['reviewDueOn'] as const;

/** "Je valide cette version", with the review date the person chooses (in six months unless changed). */
export const ValidatePanel = forwardRef<HTMLHeadingElement, { documentId: string; writer: TWriterState; onValidated: () => void }>(function ValidatePanel({ documentId, writer, onValidated }, ref) {
  const { t } = useTranslation('recoveryDocuments');
  const queryClient = useQueryClient();
  const [reviewDueOn, setReviewDueOn] = useState(() => parisDayInMonths(6));
  const validate = useMutation({
    mutationFn: () => validateDocument(documentId, { revision: writer.revision(), ...(reviewDueOn ? { reviewDueOn } : {}) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: documentKeys.all });
      onValidated();
    },
  });
  const errors = fieldErrorsFrom(validate.error, FIELDS);
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-labelledby="validate-title" bg="passerelle.0">
      <Stack gap="sm">
        <Title order={2} id="validate-title" ref={ref} tabIndex={-1}>
          {t('validate.title')}
        </Title>
        <Text>{t('validate.intro')}</Text>
        <TextInput
          type="date"
          label={t('validate.reviewDate')}
          description={t('validate.reviewDateHint')}
          value={reviewDueOn}
          min={parisToday()}
          onChange={(event) => setReviewDueOn(event.currentTarget.value)}
          error={errors.reviewDueOn}
          size="md"
          maw={320}
        />
        <ErrorAlert error={validate.error} fields={FIELDS} />
        <div>
          <Button
            {...bigButton}
            onClick={() => {
              writer.flush();
              validate.mutate();
            }}
            loading={validate.isPending}
            disabled={!writer.allSaved}
          >
            {t('validate.confirm')}
          </Button>
        </div>
        {!writer.allSaved && <Text size="sm">{t('autosave.waiting')}</Text>}
      </Stack>
    </Paper>
  );
});
