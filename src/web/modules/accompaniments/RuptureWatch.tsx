import { Alert, Anchor, List } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { accompanimentKeys, fetchAccompaniments, type TAccompanimentListQuery } from './accompaniments-api';
import { RuptureIcon } from './icons';

const SUSPECTED: TAccompanimentListQuery = { page: 1, pageSize: 20, status: 'rupture_suspected' };

/** Above the list, whatever its filters: the accompaniments where contact seems lost, by name. */
export function RuptureWatch() {
  const { t } = useTranslation('accompaniments');
  const suspected = useQuery({ queryKey: accompanimentKeys.list(SUSPECTED), queryFn: () => fetchAccompaniments(SUSPECTED) });
  const items = suspected.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert color="red" icon={<RuptureIcon />} title={t('list.ruptureTitle', { count: suspected.data?.total ?? items.length })}>
      <List spacing={4} size="sm">
        {items.map((accompaniment) => (
          <List.Item key={accompaniment.id}>
            <Anchor component={Link} to={paths.accompaniment(accompaniment.id)} fw={600}>
              {accompaniment.person.displayName}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
