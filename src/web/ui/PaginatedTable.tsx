import { Box, LoadingOverlay, Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyMessage } from './EmptyMessage';
import { TablePagination } from './TablePagination';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Row header: the cell that names the row for screen readers (usually the name). */
  rowHeader?: boolean;
}

interface PaginatedTableProps<T> {
  /** Read by screen readers as the table's name. */
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  empty: { title: string; hint?: string };
  /** Below this width the table scrolls inside its own box, never the page. */
  minWidth?: number;
  /** A newer page is loading while the previous one stays visible. */
  refreshing?: boolean;
}

export function PaginatedTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  total,
  page,
  pageSize,
  onPageChange,
  empty,
  minWidth = 720,
  refreshing = false,
}: PaginatedTableProps<T>) {
  if (total === 0 && rows.length === 0) return <EmptyMessage title={empty.title} hint={empty.hint} />;
  return (
    <Box pos="relative">
      <LoadingOverlay visible={refreshing} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
      {/* Focusable so keyboard users can scroll it sideways on narrow screens (WCAG 2.1.1). */}
      <Table.ScrollContainer minWidth={minWidth} tabIndex={0} role="region" aria-label={caption}>
        {/* Positioned so the visually hidden caption stays inside the scroll box, not widening the page. */}
        <Table striped highlightOnHover verticalSpacing="sm" pos="relative">
          <Table.Caption>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} scope="col">
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <Table.Th key={column.key} scope="row" fw="normal">
                      {column.cell(row)}
                    </Table.Th>
                  ) : (
                    <Table.Td key={column.key}>{column.cell(row)}</Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <TablePagination page={page} pageSize={pageSize} total={total} onChange={onPageChange} />
    </Box>
  );
}
