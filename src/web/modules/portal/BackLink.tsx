import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** "← Mon espace" above a page's title, as tall as a finger (the shared header's link is text-sized). */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} fw={600} style={{ display: 'inline-flex', alignItems: 'center', minHeight: 48, alignSelf: 'flex-start' }}>
      ← {label}
    </Anchor>
  );
}
