import { Button, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  REFERRAL_DECISIONS,
  referralDecisionRules,
  ZReferralDecisionInput,
  type TReferralDecisionInput,
  type TRequestDetail,
} from '../../../shared/requests';
import { isApiError } from '../../app/api-error';
import { schemaErrors } from '../../app/validation';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ruleErrors } from '../persons/field-rules';
import { ConflictAlert } from '../persons/ui/ConflictAlert';
import { focusFirstInvalid } from '../persons/ui/focus';
import { decideReferral } from './requests-api';
import { useRequestChange } from './use-request-change';

const FIELDS = ['decision', 'reason', 'handoffTo', 'handoffStructure'] as const;
const ID = 'referral-decision';
const idOf = (field: string) => (field === 'decision' ? `${ID}-accepted` : `${ID}-${field}`);
type Values = { decision: TReferralDecisionInput['decision'] | ''; reason: string; handoffTo: string; handoffStructure: string };

const filled = (text: string) => (text.trim() === '' ? undefined : text.trim());

function toInput(values: Values, version: number) {
  const declined = values.decision === 'declined';
  return {
    version,
    decision: values.decision === '' ? undefined : values.decision,
    reason: filled(values.reason),
    // A hand-off only goes with a decline: the partner reads it as "turn to them instead".
    handoffTo: declined ? filled(values.handoffTo) : undefined,
    handoffStructure: declined ? filled(values.handoffStructure) : undefined,
  };
}

interface ReferralDecisionFormProps {
  request: TRequestDetail;
  onReload: () => void;
  onSaved: () => void;
}

/** Accept a partner's referral, or decline it with a warm hand-off the partner can act on. */
export function ReferralDecisionForm({ request, onReload, onSaved }: ReferralDecisionFormProps) {
  const { t } = useTranslation('requests');
  const form = useForm<Values>({
    initialValues: { decision: '', reason: '', handoffTo: '', handoffStructure: '' },
    validate: (values) => {
      const input = toInput(values, request.version);
      const parsed = ZReferralDecisionInput.safeParse(input);
      return parsed.success ? ruleErrors(referralDecisionRules(parsed.data)) : schemaErrors(ZReferralDecisionInput, input);
    },
  });
  const mutation = useRequestChange<TReferralDecisionInput>({
    requestId: request.id,
    save: decideReferral,
    fields: FIELDS,
    onFieldErrors: (errors) => {
      form.setErrors(errors);
      focusFirstInvalid(errors, FIELDS, idOf);
    },
    onSaved,
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;
  const declined = form.values.decision === 'declined';

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => {
          const parsed = ZReferralDecisionInput.safeParse(toInput(values, request.version));
          if (parsed.success) mutation.mutate(parsed.data);
        },
        (errors) => focusFirstInvalid(errors, FIELDS, idOf),
      )}
    >
      <Stack gap="md" maw={640}>
        <Text size="sm">{t('referralDecision.intro')}</Text>
        {conflict ? (
          <ConflictAlert title={t('statusChange.conflictTitle')} text={t('statusChange.conflictText')} onReload={onReload} />
        ) : (
          <ErrorAlert error={mutation.error} fields={FIELDS} />
        )}
        <Radio.Group label={t('referralDecision.decision')} withAsterisk {...form.getInputProps('decision')}>
          <Stack gap="xs" mt="xs">
            {REFERRAL_DECISIONS.map((decision) => (
              <Radio
                key={decision}
                id={`${ID}-${decision}`}
                value={decision}
                label={decision === 'accepted' ? t('referralDecision.accept') : t('referralDecision.decline')}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          id={idOf('reason')}
          label={t('referralDecision.reason')}
          description={t('referralDecision.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('reason')}
        />
        {declined && (
          <>
            <TextInput
              id={idOf('handoffTo')}
              label={t('referralDecision.handoffTo')}
              description={t('referralDecision.handoffToHint')}
              required
              maxLength={300}
              {...form.getInputProps('handoffTo')}
            />
            <TextInput
              id={idOf('handoffStructure')}
              label={t('referralDecision.handoffStructure')}
              maxLength={160}
              {...form.getInputProps('handoffStructure')}
            />
          </>
        )}
        <div>
          <Button type="submit" loading={mutation.isPending} disabled={conflict}>
            {t('referralDecision.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
