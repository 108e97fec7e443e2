import { Alert, Button, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';

interface TokenProblemProps {
  title: string;
  text: string;
  action: { to: string; label: string };
}

/** An expired, used or truncated mail link: say what happened and what to do next. */
export function TokenProblem({ title, text, action }: TokenProblemProps) {
  return (
    <Stack gap="md">
      <PageHeader title={title} />
      <Alert color="orange" role="status">
        {text}
      </Alert>
      <Button component={Link} to={action.to} fullWidth>
        {action.label}
      </Button>
    </Stack>
  );
}
