import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
  /** Long texts (what the person wrote) take the whole width and keep their line breaks. */
  wide?: boolean;
}

/** Label–value pairs as a description list (`<dl>`), two columns on wide screens, one on phones. */
export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" m={0}>
      {facts.map((fact) => (
        <div key={fact.label} style={fact.wide ? { gridColumn: '1 / -1' } : undefined}>
          <Text component="dt" size="sm" c="dimmed">
            {fact.label}
          </Text>
          <Text component="dd" m={0} className={fact.wide ? 'preserve-lines' : 'break-anywhere'}>
            {fact.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
