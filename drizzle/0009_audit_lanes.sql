-- Lanes: each organisation's audit log is a few hash chains instead of one, so that concurrent
-- requests no longer queue behind one row lock held until each commit is on disk (bench http: the
-- server sat idle 72 % of the time, waiting for that lock). Existing entries stay on lane 0 with
-- their formats 1 and 2; new entries are format 3, whose hash covers the lane.
ALTER TABLE "audit_events" ADD COLUMN "chain" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_heads" ADD COLUMN "chain" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_org_seq_unique";--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_org_chain_seq_unique" UNIQUE("organization_id","chain","seq");--> statement-breakpoint
ALTER TABLE "audit_heads" DROP CONSTRAINT "audit_heads_pkey";--> statement-breakpoint
ALTER TABLE "audit_heads" ADD CONSTRAINT "audit_heads_organization_id_chain_pk" PRIMARY KEY("organization_id","chain");--> statement-breakpoint
-- Sixteen lanes per organisation, created with it (and here for the existing ones): a lane
-- created on demand would make a concurrent writer wait on the uncommitted insert of its head.
-- A restore copies the heads as they were: it sets passerelle.restoring and no lane is opened.
CREATE OR REPLACE FUNCTION audit_lanes_open() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('passerelle.restoring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_heads (organization_id, chain, last_seq, last_hash)
  SELECT NEW.id, lane, 0, repeat('0', 64) FROM generate_series(0, 15) AS lane
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_audit_lanes AFTER INSERT ON organizations
  FOR EACH ROW EXECUTE FUNCTION audit_lanes_open();
--> statement-breakpoint
INSERT INTO audit_heads (organization_id, chain, last_seq, last_hash)
SELECT organization.id, lane, 0, repeat('0', 64) FROM organizations AS organization, generate_series(0, 15) AS lane
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The lane: the first head no other transaction holds (a transaction's own lock does not count, so
-- one transaction's entries stay on one lane); all sixteen busy, wait on one of them.
-- Hash format 3: format 2's JSON array with the lane after the organisation.
CREATE OR REPLACE FUNCTION audit_append(
  p_organization_id uuid,
  p_occurred_at timestamptz,
  p_actor_user_id uuid,
  p_action text,
  p_resource_type text,
  p_resource_id text,
  p_context jsonb
) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_occurred_at timestamptz := date_trunc('milliseconds', p_occurred_at);
  v_chain smallint;
  v_seq bigint;
  v_prev_hash text;
  v_hash text;
BEGIN
  SELECT head.chain, head.last_seq + 1, head.last_hash INTO v_chain, v_seq, v_prev_hash
  FROM audit_heads AS head
  WHERE head.organization_id = p_organization_id
  ORDER BY head.chain
  LIMIT 1
  FOR UPDATE SKIP LOCKED;

  IF NOT FOUND THEN
    SELECT head.chain, head.last_seq + 1, head.last_hash INTO v_chain, v_seq, v_prev_hash
    FROM audit_heads AS head
    WHERE head.organization_id = p_organization_id
      AND head.chain = floor(random() * 16)::int
    FOR UPDATE;
  END IF;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit_heads : aucune file pour l''organisation %', p_organization_id;
  END IF;

  v_hash := encode(sha256(convert_to(
    '[' || to_json(p_organization_id::text)::text
    || ',' || v_chain::text
    || ',' || v_seq::text
    || ',' || to_json(to_char(v_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
    || ',' || coalesce(to_json(p_actor_user_id::text)::text, 'null')
    || ',' || to_json(p_action)::text
    || ',' || to_json(p_resource_type)::text
    || ',' || coalesce(to_json(p_resource_id)::text, 'null')
    || ',' || p_context::text
    || ',' || to_json(v_prev_hash)::text
    || ']', 'UTF8')), 'hex');

  INSERT INTO audit_events (organization_id, chain, seq, occurred_at, actor_user_id, action, resource_type, resource_id, context, prev_hash, hash, hash_format)
  VALUES (p_organization_id, v_chain, v_seq, v_occurred_at, p_actor_user_id, p_action, p_resource_type, p_resource_id, p_context, v_prev_hash, v_hash, 3);

  UPDATE audit_heads SET last_seq = v_seq, last_hash = v_hash
  WHERE organization_id = p_organization_id AND chain = v_chain;
  RETURN v_seq;
END;
$$;
