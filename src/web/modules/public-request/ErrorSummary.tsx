import { Alert, Anchor, List, Text } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryField {
  name: string;
  label: string;
  /** The id of the control to move to (the first radio of a group). */
  id: string;
}

interface ErrorSummaryProps {
  errors: FormErrors;
  fields: readonly SummaryField[];
  ref?: Ref<HTMLDivElement>;
}

function goTo(id: string) {
  const node = document.getElementById(id);
  if (!node) return;
  node.scrollIntoView({ block: 'center' });
  node.focus({ preventScroll: true });
}

/**
 * Every problem of a long form in one place, each a link to its field (RGAA 11.10, GOV.UK
 * pattern). It takes focus after a failed send, so keyboard and screen reader users start here.
 */
export function ErrorSummary({ errors, fields, ref }: ErrorSummaryProps) {
  const { t } = useTranslation('publicRequest');
  const problems = fields.filter((field) => errors[field.name]);
  if (problems.length === 0) return null;
  return (
    <Alert ref={ref} tabIndex={-1} color="red" title={t('summary.title', { count: problems.length })} role="alert">
      <Text size="sm" mb="xs">
        {t('summary.intro')}
      </Text>
      <List size="sm" spacing={4}>
        {problems.map((field) => (
          <List.Item key={field.name}>
            <Anchor
              href={`#${field.id}`}
              c="red.9"
              fw={500}
              onClick={(event) => {
                event.preventDefault();
                goTo(field.id);
              }}
            >
              {t('summary.item', { label: field.label, message: String(errors[field.name]) })}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
