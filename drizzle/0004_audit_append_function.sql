ALTER TABLE "audit_events" ADD COLUMN "hash_format" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
-- One round trip per audit entry: lock the organisation's chain head, hash the entry against the
-- previous one, insert it and move the head, all in the caller's transaction. The canonical text
-- (hash format 2) is rebuilt in JavaScript by audit:verify (src/server/platform/audit/chain.ts):
-- a JSON array of the fields, the context being its jsonb text, which is deterministic.
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
  v_seq bigint;
  v_prev_hash text;
  v_hash text;
BEGIN
  INSERT INTO audit_heads AS head (organization_id, last_seq, last_hash)
  VALUES (p_organization_id, 1, repeat('0', 64))
  ON CONFLICT (organization_id) DO UPDATE SET last_seq = head.last_seq + 1
  RETURNING head.last_seq, head.last_hash INTO v_seq, v_prev_hash;

  v_hash := encode(sha256(convert_to(
    '[' || to_json(p_organization_id::text)::text
    || ',' || v_seq::text
    || ',' || to_json(to_char(v_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
    || ',' || coalesce(to_json(p_actor_user_id::text)::text, 'null')
    || ',' || to_json(p_action)::text
    || ',' || to_json(p_resource_type)::text
    || ',' || coalesce(to_json(p_resource_id)::text, 'null')
    || ',' || p_context::text
    || ',' || to_json(v_prev_hash)::text
    || ']', 'UTF8')), 'hex');

  INSERT INTO audit_events (organization_id, seq, occurred_at, actor_user_id, action, resource_type, resource_id, context, prev_hash, hash, hash_format)
  VALUES (p_organization_id, v_seq, v_occurred_at, p_actor_user_id, p_action, p_resource_type, p_resource_id, p_context, v_prev_hash, v_hash, 2);

  UPDATE audit_heads SET last_hash = v_hash WHERE organization_id = p_organization_id;
  RETURN v_seq;
END;
$$;
