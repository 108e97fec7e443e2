import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** "← Mes documents" above a page's title, as tall as a finger. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} fw={600} style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44, alignSelf: 'flex-start' }}>
      ← {label}
    </Anchor>
  );
}
