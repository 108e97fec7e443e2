import type { CapturedQuery } from './persons-plans';

/**
 * The index this benchmark recommends for the persons list (ORDER BY search_text COLLATE "C", id
 * within an organisation), created only in the throwaway benchmark database after the main
 * measurements, to measure the plans and latencies it would give. Not part of the schema.
 */
export const WHAT_IF_INDEX = {
  name: 'bench_what_if_persons_list_idx',
  sql: 'create index bench_what_if_persons_list_idx on persons (organization_id, search_text collate "C", id)',
  drizzle: "index('persons_list_order_idx').on(table.organizationId, sql`${table.searchText} collate \"C\"`, table.id)",
};

/** The row a deep page starts after, for the keyset what-if (the 49,975th of the list order). */
export const KEYSET_BOUNDARY_SQL =
  'select search_text, id from persons where organization_id = $1 order by search_text collate "C", id offset 49974 limit 1';

/**
 * The query changes measured with the index in place: totals capped at 1,001 rows (the UI would
 * show "plus de 1 000"), the search kept on the trigram index by materialising its matches first
 * (the planner otherwise walks the new btree in list order and filters), and a deep page read
 * by keyset (after the last row shown) instead of OFFSET.
 */
export function whatIfQueries(organizationId: string, boundary: { searchText: string; id: string }): CapturedQuery[] {
  const searchMaterialised = (term: string): CapturedQuery => ({
    label: `what-if: search "${term}" with its matches materialised (trigram index, then top 25)`,
    sql: `with matches as materialized (select * from persons where organization_id = $1 and search_text like $2)
          select * from matches order by search_text collate "C", id limit 25`,
    params: [organizationId, `%${term}%`],
  });
  return [
    {
      label: 'what-if: total of the list capped at 1,001',
      sql: 'select count(*) from (select 1 from persons where organization_id = $1 limit 1001) capped',
      params: [organizationId],
    },
    {
      label: 'what-if: total of the search "marseille" capped at 1,001',
      sql: 'select count(*) from (select 1 from persons where organization_id = $1 and search_text like $2 limit 1001) capped',
      params: [organizationId, '%marseille%'],
    },
    {
      label: 'what-if: total of the search "helene" capped at 1,001',
      sql: 'select count(*) from (select 1 from persons where organization_id = $1 and search_text like $2 limit 1001) capped',
      params: [organizationId, '%helene%'],
    },
    searchMaterialised('helene'),
    searchMaterialised('marseille'),
    {
      label: 'what-if: page 2000 by keyset (rows after the last one shown) instead of OFFSET 49975',
      sql: `select * from persons where organization_id = $1 and (search_text collate "C", id) > ($2::text collate "C", $3::uuid)
            order by search_text collate "C", id limit 25`,
      params: [organizationId, boundary.searchText, boundary.id],
    },
  ];
}
