/**
 * Server field messages of one block. A save answers keys such as `content.supporters.0.phone`
 * or `supporters`; each block takes the messages about it, whatever the prefix.
 */
export function blockErrors(errors: Record<string, string[]> | undefined, blockCode: string): string | undefined {
  if (!errors) return undefined;
  const messages = Object.entries(errors)
    .filter(([key]) => {
      const parts = key.split('.');
      return parts.includes(blockCode);
    })
    .flatMap(([, list]) => list);
  return messages.length > 0 ? [...new Set(messages)].join(' ') : undefined;
}
