import { Button, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  statusChangeRules,
  ZStatusChangeInput,
  type TRequestDetail,
  type TRequestStatus,
  type TStatusChangeInput,
} from '../../../shared/requests';
import { isApiError } from '../../app/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { schemaErrors } from '../../app/validation';
import { ruleErrors } from '../persons/field-rules';
import { ConflictAlert } from '../persons/ui/ConflictAlert';
import { focusFirstInvalid } from '../persons/ui/focus';
import { changeRequestStatus } from './requests-api';
import { useRequestChange } from './use-request-change';

type TNextStatus = TStatusChangeInput['status'];

/**
 * The steps this page offers from each status (the server's workflow, src/server/modules/requests/
 * status.ts, refuses any other). Opening an accompaniment belongs to the accompaniment pages.
 */
const NEXT: Record<TRequestStatus, readonly TNextStatus[]> = {
  new: ['contacted', 'redirected', 'closed'],
  contacted: ['redirected', 'closed'],
  accompaniment_opened: [],
  redirected: [],
  closed: [],
};

const FIELDS = ['status', 'redirectedTo', 'closedReason'] as const;
const ID = 'status-change';
type Values = { status: TNextStatus | ''; redirectedTo: string; closedReason: string };

function toInput(values: Values, version: number) {
  return {
    version,
    status: values.status === '' ? undefined : values.status,
    redirectedTo: values.status === 'redirected' && values.redirectedTo.trim() ? values.redirectedTo.trim() : undefined,
    closedReason: values.status === 'closed' && values.closedReason.trim() ? values.closedReason.trim() : undefined,
  };
}

interface StatusChangeFormProps {
  request: TRequestDetail;
  onReload: () => void;
  onSaved: () => void;
}

export function StatusChangeForm({ request, onReload, onSaved }: StatusChangeFormProps) {
  const { t } = useTranslation('requests');
  const choices = NEXT[request.status];
  const idOf = (field: string) => (field === 'status' ? `${ID}-${choices[0] ?? ''}` : `${ID}-${field}`);
  const form = useForm<Values>({
    initialValues: { status: '', redirectedTo: '', closedReason: '' },
    validate: (values) => {
      const parsed = ZStatusChangeInput.safeParse(toInput(values, request.version));
      return parsed.success ? ruleErrors(statusChangeRules(parsed.data)) : schemaErrors(ZStatusChangeInput, toInput(values, request.version));
    },
  });
  const mutation = useRequestChange<TStatusChangeInput>({
    requestId: request.id,
    save: changeRequestStatus,
    fields: FIELDS,
    onFieldErrors: (errors) => {
      form.setErrors(errors);
      focusFirstInvalid(errors, FIELDS, idOf);
    },
    onSaved,
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;

  if (choices.length === 0) return <Text>{t('statusChange.finished')}</Text>;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => {
          const parsed = ZStatusChangeInput.safeParse(toInput(values, request.version));
          if (parsed.success) mutation.mutate(parsed.data);
        },
        (errors) => focusFirstInvalid(errors, FIELDS, idOf),
      )}
    >
      <Stack gap="md" maw={640}>
        {conflict ? (
          <ConflictAlert title={t('statusChange.conflictTitle')} text={t('statusChange.conflictText')} onReload={onReload} />
        ) : (
          <ErrorAlert error={mutation.error} fields={FIELDS} />
        )}
        <Radio.Group label={t('statusChange.next')} withAsterisk {...form.getInputProps('status')}>
          <Stack gap="xs" mt="xs">
            {choices.map((status) => (
              <Radio key={status} id={`${ID}-${status}`} value={status} label={t(`statusChange.options.${status}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {form.values.status === 'redirected' && (
          <TextInput
            id={idOf('redirectedTo')}
            label={t('statusChange.redirectedTo')}
            description={t('statusChange.redirectedToHint')}
            required
            maxLength={300}
            {...form.getInputProps('redirectedTo')}
          />
        )}
        {form.values.status === 'closed' && (
          <TextInput
            id={idOf('closedReason')}
            label={t('statusChange.closedReason')}
            description={t('statusChange.closedReasonHint')}
            required
            maxLength={300}
            {...form.getInputProps('closedReason')}
          />
        )}
        <div>
          <Button type="submit" loading={mutation.isPending} disabled={conflict}>
            {t('statusChange.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
