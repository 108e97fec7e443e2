import { useInfiniteQuery } from '@tanstack/react-query';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/**
 * A list read page after page with a "see more" button (big, unlike page numbers): the person
 * keeps what they already read on screen.
 */
export function usePagedList<T>(key: readonly unknown[], fetchPage: (page: number) => Promise<Page<T>>) {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  return { query, items, total };
}
