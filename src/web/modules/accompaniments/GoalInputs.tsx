import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const MAX_FIRST_GOALS = 5;

interface GoalInputsProps {
  values: string[];
  onChange: (values: string[]) => void;
  errors: Record<number, string>;
}

/** The person's first goals, in their own words; optional, more can be added later. */
export function GoalInputs({ values, onChange, errors }: GoalInputsProps) {
  const { t } = useTranslation('accompaniments');
  const set = (index: number, value: string) => onChange(values.map((current, position) => (position === index ? value : current)));
  return (
    <Stack gap="xs" role="group" aria-labelledby="first-goals-title">
      <Text fw={600} id="first-goals-title">
        {t('open.goalsTitle')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('open.goalsHint')}
      </Text>
      {values.map((value, index) => (
        <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            id={`first-goal-${index}`}
            label={t('open.goalLabel', { number: index + 1 })}
            value={value}
            maxLength={500}
            onChange={(event) => set(index, event.currentTarget.value)}
            error={errors[index]}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button
            variant="default"
            onClick={() => onChange(values.filter((_, position) => position !== index))}
            aria-label={t('open.removeGoal', { number: index + 1 })}
          >
            {t('open.remove')}
          </Button>
        </Group>
      ))}
      {values.length < MAX_FIRST_GOALS && (
        <div>
          <Button variant="outline" onClick={() => onChange([...values, ''])}>
            {t('open.addGoal')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
