import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface TablePaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** Page links with spoken labels ("Page suivante", "Page 3"), inside a labelled `<nav>`. */
export function TablePagination({ page, pageSize, total, onChange }: TablePaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" mt="md">
      <Text size="sm" c="dimmed">
        {t('pagination.range', { from, to, total })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('pagination.label')}>
          <Pagination
            total={pages}
            value={page}
            onChange={onChange}
            siblings={1}
            boundaries={1}
            size="sm"
            getItemProps={(item) => ({
              'aria-label': t('pagination.page', { page: item }),
              'aria-current': item === page ? 'page' : undefined,
            })}
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          />
        </nav>
      )}
    </Group>
  );
}
