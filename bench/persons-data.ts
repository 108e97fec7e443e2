import type pg from 'pg';
import { DEPARTEMENTS, type TDepartement } from '../src/shared/persons';
import { fold } from '../src/server/modules/persons/folding';
import { COMMUNES, FIRST_NAMES, LAST_NAMES, PSEUDONYMS } from '../scripts/demo/persons-seed-vocabulary';

/** Share of persons per département, as in the demo: most in the Bouches-du-Rhône and the Alpes-Maritimes. */
const DEPARTEMENT_SHARES: Record<TDepartement, number> = { '13': 0.46, '06': 0.22, '83': 0.15, '84': 0.1, '04': 0.035, '05': 0.035 };
/** One salaried peer worker per 250 persons, spread like the persons; one volunteer per four of them. */
const PERSONS_PER_PEER = 250;
const VOLUNTEERS_PER_PEER = 0.25;
/** 1,000 slots of communes: a uniform draw of a slot gives the weighted commune. */
const COMMUNE_SLOTS = 1000;

export type DatasetSize = { persons: number; interventions: number };
export type GenerationStep = { label: string; ms: number; rows: number };

export async function timed(client: pg.Client, steps: GenerationStep[], label: string, sql: string, params: unknown[] = []): Promise<void> {
  const started = performance.now();
  const result = await client.query(sql, params);
  steps.push({ label, ms: performance.now() - started, rows: result.rowCount ?? 0 });
}

/** Name lists with their folded forms, computed by the app's own `fold` so search_text matches what the app writes. */
async function loadVocabulary(client: pg.Client): Promise<void> {
  const list = (names: readonly string[]) => [names.map((_, index) => index + 1), [...names], names.map(fold)];
  await client.query('create temp table bench_first (i int primary key, name text, folded text)');
  await client.query('insert into bench_first select * from unnest($1::int[], $2::text[], $3::text[])', list(FIRST_NAMES));
  await client.query('create temp table bench_last (i int primary key, name text, folded text)');
  await client.query('insert into bench_last select * from unnest($1::int[], $2::text[], $3::text[])', list(LAST_NAMES));
  await client.query('create temp table bench_pseudo (i int primary key, name text, folded text)');
  await client.query('insert into bench_pseudo select * from unnest($1::int[], $2::text[], $3::text[])', list(PSEUDONYMS));
  const slots: { departement: TDepartement; insee: string; name: string }[] = [];
  for (const departement of DEPARTEMENTS) {
    const communes = COMMUNES[departement];
    const weights = communes.reduce((sum, commune) => sum + commune.weight, 0);
    for (const commune of communes) {
      const count = Math.max(1, Math.round((COMMUNE_SLOTS * DEPARTEMENT_SHARES[departement] * commune.weight) / weights));
      for (let copy = 0; copy < count; copy += 1) slots.push({ departement, insee: commune.insee, name: commune.name });
    }
  }
  await client.query('create temp table bench_commune (slot int primary key, departement text, insee text, name text, folded text)');
  await client.query('insert into bench_commune select * from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[])', [
    slots.map((_, index) => index),
    slots.map((slot) => slot.departement),
    slots.map((slot) => slot.insee),
    slots.map((slot) => slot.name),
    slots.map((slot) => fold(slot.name)),
  ]);
}

/** Bench peers: salaried peer workers attached to a département, volunteers anywhere (never alone). */
async function createPeers(client: pg.Client, steps: GenerationStep[], organizationId: string, size: DatasetSize): Promise<number> {
  const salaried = Math.max(DEPARTEMENTS.length, Math.round(size.persons / PERSONS_PER_PEER));
  const volunteers = Math.max(1, Math.round(salaried * VOLUNTEERS_PER_PEER));
  const peers = [
    ...DEPARTEMENTS.flatMap((departement) =>
      Array.from({ length: Math.max(1, Math.round(salaried * DEPARTEMENT_SHARES[departement])) }, (_, index) => ({
        departement: departement as string | null,
        idx: index + 1,
        volunteer: false,
      })),
    ),
    ...Array.from({ length: volunteers }, (_, index) => ({ departement: null, idx: index + 1, volunteer: true })),
  ];
  const numbers = peers.map((_, index) => index + 1);
  await timed(
    client,
    steps,
    'peers (users)',
    `insert into users (name, email, organization_id, email_verified)
     select format('Pair bench %s', n), format('bench-peer-%s@bench.passerelle.test', n), $1::uuid, true from unnest($2::int[]) n`,
    [organizationId, numbers],
  );
  await client.query('create temp table bench_peer (user_id uuid primary key, departement text, idx int, volunteer boolean)');
  await client.query(
    `insert into bench_peer
     select u.id, x.departement, x.idx, x.volunteer
     from unnest($1::int[], $2::text[], $3::int[], $4::boolean[]) x(n, departement, idx, volunteer)
     join users u on u.email = format('bench-peer-%s@bench.passerelle.test', x.n)`,
    [numbers, peers.map((peer) => peer.departement), peers.map((peer) => peer.idx), peers.map((peer) => peer.volunteer)],
  );
  await client.query(
    `insert into user_roles (user_id, organization_id, role)
     select user_id, $1, case when volunteer then 'volunteer'::role else 'peer_worker'::role end from bench_peer`,
    [organizationId],
  );
  return volunteers;
}

/**
 * Generates the dataset straight in SQL, a few INSERT … SELECT statements: persons with a
 * realistic spread over départements and communes and names drawn from fixed lists (folded by
 * the app's `fold`), their consents, one accompaniment for most of them followed by a peer of
 * their département (a volunteer in binôme for some), exactly `size.interventions`
 * interventions with a long-tailed count per person, the peers present, and the last contacts.
 * Deterministic for a given size (setseed).
 */
export async function generateDataset(client: pg.Client, organizationId: string, size: DatasetSize): Promise<GenerationStep[]> {
  const steps: GenerationStep[] = [];
  await client.query('set synchronous_commit = off');
  await client.query("set maintenance_work_mem = '256MB'");
  await client.query('select setseed(0.4242)');
  await loadVocabulary(client);
  const volunteers = await createPeers(client, steps, organizationId, size);

  await client.query(
    `create temp table bench_draw as
     select g, random() r_first, random() r_last, random() r_kind, random() r_pseudo, random() r_commune,
            random() r_birth, random() r_phone, random() r_housing, random() r_employment, random() r_created
     from generate_series(1, $1::int) g`,
    [size.persons],
  );
  await timed(
    client,
    steps,
    'persons',
    `insert into persons (organization_id, first_name, pseudonym, last_name, phone, email, preferred_channel, departement,
                          commune_insee, commune_name, birth_year, housing, employment, search_text, identity_key,
                          created_at, updated_at)
     select $1::uuid, n.first_name, n.pseudonym, n.last_name,
            case when d.r_phone < 0.7 then format('06 39 98 %s %s', lpad((d.g % 100)::text, 2, '0'), lpad(((d.g / 100) % 100)::text, 2, '0')) end,
            case when d.r_phone > 0.6 then format('personne-%s@exemple.test', d.g) end,
            (case when d.r_phone < 0.35 then 'phone' when d.r_phone < 0.7 then 'sms' else 'email' end)::contact_channel,
            c.departement::departement, c.insee, c.name, n.birth_year,
            (array['own_or_rented','hosted_by_relatives','supported_housing','precarious','homeless','institution','unknown'])[1 + floor(d.r_housing * 7)::int]::housing_situation,
            (array['employed','job_seeking','training','inactive','retired','unknown'])[1 + floor(d.r_employment * 6)::int]::employment_status,
            concat_ws(' ', n.first_folded, n.pseudo_folded, n.last_folded, c.folded),
            coalesce(n.first_folded, n.pseudo_folded, '') || '|' || coalesce(n.last_folded, '') || '|' || coalesce(n.birth_year::text, '') || '|' || upper(c.insee),
            now() - interval '50 days' - d.r_created * interval '4 years',
            now() - interval '50 days' - d.r_created * interval '4 years'
     from bench_draw d
     join bench_commune c on c.slot = floor(d.r_commune * (select count(*) from bench_commune))::int
     cross join lateral (
       -- 85 % first and last name, 7 % first name only, 5 % pseudonym only, 3 % all three
       select case when d.r_kind < 0.92 or d.r_kind >= 0.97 then f.name end as first_name,
              case when d.r_kind < 0.92 or d.r_kind >= 0.97 then f.folded end as first_folded,
              case when d.r_kind >= 0.92 then p.name end as pseudonym, case when d.r_kind >= 0.92 then p.folded end as pseudo_folded,
              case when d.r_kind < 0.85 or d.r_kind >= 0.97 then l.name end as last_name,
              case when d.r_kind < 0.85 or d.r_kind >= 0.97 then l.folded end as last_folded,
              case when d.r_birth < 0.92 then 1950 + floor(d.r_birth / 0.92 * 57)::int end as birth_year
       from bench_first f, bench_last l, bench_pseudo p
       where f.i = 1 + floor(d.r_first * (select count(*) from bench_first))::int
         and l.i = 1 + floor(d.r_last * (select count(*) from bench_last))::int
         and p.i = 1 + floor(d.r_pseudo * (select count(*) from bench_pseudo))::int
     ) n`,
    [organizationId],
  );
  await timed(
    client,
    steps,
    'consents (2 per person)',
    `insert into person_consents (organization_id, person_id, purpose, method, text_version, collected_at, recipients)
     select organization_id, id, purpose::consent_purpose, 'oral_recorded', 'bench-1', created_at, 'équipe de coordination'
     from persons, unnest(array['contact', 'data_processing']) purpose
     where organization_id = $1 and not exists (select 1 from person_consents c where c.person_id = persons.id)`,
    [organizationId],
  );
  await generateAccompaniments(client, steps, organizationId, size, volunteers);
  // VACUUM as autovacuum would have done on a live database (visibility map, for index-only scans), then ANALYZE.
  await timed(client, steps, 'vacuum analyze', 'vacuum analyze');
  return steps;
}

async function generateAccompaniments(client: pg.Client, steps: GenerationStep[], organizationId: string, size: DatasetSize, volunteers: number): Promise<void> {
  // Counts per accompaniment are 1 + floor(exponential(mean)), about mean + 0.5 on average: aim 2 % above the
  // wanted total, then cut at exactly the total (the last few accompaniments generated keep no intervention).
  const accompanied = 0.85;
  const mean = (size.interventions * 1.02) / (size.persons * accompanied) - 0.5;
  await client.query(
    `create temp table bench_acc as
     with chosen as (
       -- the bench persons (the demo's came through requests and have their own story)
       select p.id as person_id, p.departement::text as departement, p.created_at, random() r_pick, random() r_status, random() r_open,
              random() r_end, random() r_peer, random() r_volunteer, random() r_count
       from persons p
       where p.organization_id = $1 and not exists (select 1 from support_requests r where r.person_id = p.id)
     ), timed as (
       select c.*, c.created_at + c.r_open * interval '10 days' as opened_at,
              case when c.r_status < 0.40 then 'active' when c.r_status < 0.95 then 'closed'
                   when c.r_status < 0.98 then 'rupture_suspected' else 'outreach_in_progress' end as status
       from chosen c
       where c.r_pick < $2
     )
     select gen_random_uuid() as id, t.*,
            case
              when t.status = 'active' then now() - interval '1 day' - t.r_end * interval '25 days'
              when t.status = 'closed' then t.opened_at + (now() - interval '5 days' - t.opened_at) * (0.3 + 0.6 * t.r_end)
              else greatest(t.opened_at + interval '1 day', now() - interval '31 days' - t.r_end * interval '40 days')
            end as ended_at,
            pw.user_id as peer_id,
            case when t.r_volunteer < 0.12 then v.user_id end as volunteer_id,
            least(400, 1 + floor(-ln(1 - t.r_count) * $3::float8))::int as n
     from timed t
     join (select departement, count(*)::int as peers from bench_peer where not volunteer group by departement) counts on counts.departement = t.departement
     join bench_peer pw on not pw.volunteer and pw.departement = t.departement and pw.idx = 1 + floor(t.r_peer * counts.peers)::int
     left join bench_peer v on v.volunteer and v.idx = 1 + floor(t.r_volunteer / 0.12 * $4::int)::int`,
    [organizationId, accompanied, mean, volunteers],
  );
  await timed(
    client,
    steps,
    'accompaniments',
    `insert into accompaniments (id, organization_id, person_id, status, opened_at, last_contact_at, closed_at, closing_reason, created_at, updated_at)
     select id, $1::uuid, person_id, status::accompaniment_status, opened_at, ended_at,
            case when status = 'closed' then ended_at + interval '3 days' end,
            case when status = 'closed' then 'goals_reached'::accompaniment_closing_reason end,
            opened_at, coalesce(ended_at, opened_at)
     from bench_acc`,
    [organizationId],
  );
  await timed(
    client,
    steps,
    'accompaniment peers',
    `insert into accompaniment_peers (accompaniment_id, user_id, organization_id, as_volunteer, assigned_at, ended_at)
     select id, peer_id, $1::uuid, false, opened_at, case when status = 'closed' then ended_at + interval '3 days' end from bench_acc
     union all
     select id, volunteer_id, $1::uuid, true, opened_at + interval '7 days', case when status = 'closed' then ended_at + interval '3 days' end
     from bench_acc where volunteer_id is not null`,
    [organizationId],
  );
  await timed(
    client,
    steps,
    'person referents (open accompaniments)',
    `insert into person_referents (person_id, user_id, organization_id, assigned_at)
     select person_id, peer_id, $1::uuid, opened_at from bench_acc where status <> 'closed'
     union all
     select person_id, volunteer_id, $1::uuid, opened_at from bench_acc where status <> 'closed' and volunteer_id is not null`,
    [organizationId],
  );
  await timed(
    client,
    steps,
    'accompaniment status events',
    `insert into accompaniment_status_events (organization_id, accompaniment_id, from_status, to_status, at)
     select $1::uuid, id, null::accompaniment_status, 'active'::accompaniment_status, opened_at from bench_acc
     union all
     select $1::uuid, id, 'active'::accompaniment_status, 'closed'::accompaniment_status, ended_at + interval '3 days' from bench_acc where status = 'closed'`,
    [organizationId],
  );
  await timed(
    client,
    steps,
    'interventions',
    `insert into interventions (organization_id, accompaniment_id, person_id, occurred_at, duration_minutes, type, place, recorded_by, created_at)
     select $1::uuid, id, person_id, occurred_at,
            case type when 'phone' then 10 + floor(r_duration * 20)::int when 'meeting' then 45 + 15 * floor(r_duration * 4)::int
                      when 'group_session' then 120 else 60 + 30 * floor(r_duration * 6)::int end,
            type::intervention_type,
            case type when 'phone' then null when 'home_visit' then 'Domicile' when 'meeting' then 'Local de la plateforme'
                      when 'group_session' then 'Groupe de parole' when 'emergency_department' then 'Service des urgences' else 'CMP' end,
            peer_id, occurred_at
     from (
       select a.id, a.person_id, a.peer_id,
              case when k = 1 then a.opened_at when k = a.n then a.ended_at else a.opened_at + (a.ended_at - a.opened_at) * random() end as occurred_at,
              case when r_type < 0.32 then 'meeting' when r_type < 0.60 then 'phone' when r_type < 0.73 then 'appointment_accompaniment'
                   when r_type < 0.85 then 'group_session' when r_type < 0.96 then 'home_visit' else 'emergency_department' end as type,
              r_duration
       from bench_acc a
       cross join lateral (select k, random() as r_type, random() as r_duration from generate_series(1, a.n) k) draws
       limit $2
     ) rows`,
    [organizationId, size.interventions],
  );
  await timed(
    client,
    steps,
    'intervention peers',
    `insert into intervention_peers (intervention_id, user_id)
     select i.id, i.recorded_by from interventions i join bench_acc a on a.id = i.accompaniment_id
     union all
     select i.id, a.volunteer_id from interventions i join bench_acc a on a.id = i.accompaniment_id
     where a.volunteer_id is not null and i.type in ('meeting', 'group_session', 'appointment_accompaniment') and random() < 0.5`,
  );
  await timed(
    client,
    steps,
    'last contacts (accompaniments, persons)',
    `with last as (
       select i.accompaniment_id, i.person_id, max(i.occurred_at) as at
       from interventions i join bench_acc a on a.id = i.accompaniment_id where i.organization_id = $1 group by 1, 2
     ),
          acc as (update accompaniments a set last_contact_at = last.at from last where last.accompaniment_id = a.id returning a.id)
     update persons p set last_contact_at = m.at
     from (select person_id, max(at) as at from last group by 1) m
     where m.person_id = p.id`,
    [organizationId],
  );
  await timed(
    client,
    steps,
    'outreach cases (ruptures)',
    `insert into outreach_cases (organization_id, accompaniment_id, person_id, signal, flagged_at)
     select $1::uuid, id, person_id, 'no_contact', ended_at + interval '31 days' from bench_acc where status in ('rupture_suspected', 'outreach_in_progress')`,
    [organizationId],
  );
}
