import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TNoteConfidentiality } from '../../../../shared/accompaniments';
import { PrivateIcon, SharedIcon, TeamIcon } from '../icons';

const LOOK: Record<TNoteConfidentiality, { color: string; icon: React.ReactNode }> = {
  shared_with_person: { color: 'green', icon: <SharedIcon /> },
  team: { color: 'passerelle', icon: <TeamIcon /> },
  private: { color: 'gray', icon: <PrivateIcon /> },
};

/** Who reads a note, in words and with an icon. */
export function ConfidentialityBadge({ confidentiality }: { confidentiality: TNoteConfidentiality }) {
  const { t } = useTranslation('accompaniments');
  return (
    <Badge color={LOOK[confidentiality].color} tt="none" leftSection={LOOK[confidentiality].icon}>
      {t(`confidentiality.${confidentiality}.short`)}
    </Badge>
  );
}
