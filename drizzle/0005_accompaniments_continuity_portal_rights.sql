CREATE TYPE "public"."accompaniment_closing_reason" AS ENUM('goals_reached', 'person_decided', 'redirected', 'moved_away', 'unreachable', 'transferred', 'deceased', 'other');--> statement-breakpoint
CREATE TYPE "public"."accompaniment_status" AS ENUM('active', 'rupture_suspected', 'outreach_in_progress', 'closed');--> statement-breakpoint
CREATE TYPE "public"."appointment_status" AS ENUM('planned', 'done', 'missed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."goal_status" AS ENUM('open', 'reached', 'let_go');--> statement-breakpoint
CREATE TYPE "public"."intervention_type" AS ENUM('meeting', 'phone', 'home_visit', 'appointment_accompaniment', 'group_session', 'emergency_department');--> statement-breakpoint
CREATE TYPE "public"."note_confidentiality" AS ENUM('shared_with_person', 'team', 'private');--> statement-breakpoint
CREATE TYPE "public"."outreach_case_status" AS ENUM('open', 'contact_reestablished', 'person_declined', 'unreachable', 'transferred', 'deceased');--> statement-breakpoint
CREATE TYPE "public"."outreach_channel" AS ENUM('phone', 'sms', 'email', 'letter', 'home_visit', 'through_partner', 'through_relative');--> statement-breakpoint
CREATE TYPE "public"."outreach_result" AS ENUM('reached', 'no_answer', 'message_left', 'wrong_number', 'declined', 'returned_mail');--> statement-breakpoint
CREATE TYPE "public"."rupture_signal" AS ENUM('no_contact', 'missed_appointments');--> statement-breakpoint
CREATE TYPE "public"."anonymisation_proposal_status" AS ENUM('proposed', 'confirmed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."rights_request_type" AS ENUM('access', 'rectification', 'erasure', 'restriction', 'objection', 'portability');--> statement-breakpoint
CREATE TABLE "accompaniment_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"accompaniment_id" uuid NOT NULL,
	"wording" text NOT NULL,
	"status" "goal_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accompaniment_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"accompaniment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"confidentiality" "note_confidentiality" NOT NULL,
	"body" text NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accompaniment_peers" (
	"accompaniment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"as_volunteer" boolean DEFAULT false NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "accompaniment_peers_accompaniment_id_user_id_pk" PRIMARY KEY("accompaniment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "accompaniment_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"accompaniment_id" uuid NOT NULL,
	"from_status" "accompaniment_status",
	"to_status" "accompaniment_status" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "accompaniments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"request_id" uuid,
	"status" "accompaniment_status" DEFAULT 'active' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid,
	"last_contact_at" timestamp with time zone,
	"rupture_after_days" integer,
	"closed_at" timestamp with time zone,
	"closing_reason" "accompaniment_closing_reason",
	"closing_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"accompaniment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text,
	"status" "appointment_status" DEFAULT 'planned' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervention_peers" (
	"intervention_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "intervention_peers_intervention_id_user_id_pk" PRIMARY KEY("intervention_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "interventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"accompaniment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"type" "intervention_type" NOT NULL,
	"place" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "continuity_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"no_contact_days" integer NOT NULL,
	"missed_appointments_in_a_row" integer NOT NULL,
	"max_outreach_attempts" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"channel" "outreach_channel" NOT NULL,
	"result" "outreach_result" NOT NULL,
	"note" text,
	"by_user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"accompaniment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"signal" "rupture_signal" NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	"status" "outreach_case_status" DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"outcome_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recontact_preferences" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"allowed_channels" text[] DEFAULT '{}' NOT NULL,
	"preferred_contact_name" text,
	"wishes" text,
	"do_not_contact" boolean DEFAULT false NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_accounts" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"invited_by" uuid,
	"invited_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"accompaniment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "anonymisation_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"last_contact_at" timestamp with time zone,
	"status" "anonymisation_proposal_status" DEFAULT 'proposed' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "rights_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"type" "rights_request_type" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"identity_check" text,
	"due_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"outcome" text,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "anonymisation_reason" text;--> statement-breakpoint
ALTER TABLE "accompaniment_goals" ADD CONSTRAINT "accompaniment_goals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_goals" ADD CONSTRAINT "accompaniment_goals_accompaniment_id_accompaniments_id_fk" FOREIGN KEY ("accompaniment_id") REFERENCES "public"."accompaniments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_notes" ADD CONSTRAINT "accompaniment_notes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_notes" ADD CONSTRAINT "accompaniment_notes_accompaniment_id_accompaniments_id_fk" FOREIGN KEY ("accompaniment_id") REFERENCES "public"."accompaniments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_notes" ADD CONSTRAINT "accompaniment_notes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_notes" ADD CONSTRAINT "accompaniment_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_peers" ADD CONSTRAINT "accompaniment_peers_accompaniment_id_accompaniments_id_fk" FOREIGN KEY ("accompaniment_id") REFERENCES "public"."accompaniments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_peers" ADD CONSTRAINT "accompaniment_peers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_peers" ADD CONSTRAINT "accompaniment_peers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_status_events" ADD CONSTRAINT "accompaniment_status_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_status_events" ADD CONSTRAINT "accompaniment_status_events_accompaniment_id_accompaniments_id_fk" FOREIGN KEY ("accompaniment_id") REFERENCES "public"."accompaniments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_status_events" ADD CONSTRAINT "accompaniment_status_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniments" ADD CONSTRAINT "accompaniments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniments" ADD CONSTRAINT "accompaniments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniments" ADD CONSTRAINT "accompaniments_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniments" ADD CONSTRAINT "accompaniments_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_accompaniment_id_accompaniments_id_fk" FOREIGN KEY ("accompaniment_id") REFERENCES "public"."accompaniments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_peers" ADD CONSTRAINT "intervention_peers_intervention_id_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."interventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_peers" ADD CONSTRAINT "intervention_peers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_accompaniment_id_accompaniments_id_fk" FOREIGN KEY ("accompaniment_id") REFERENCES "public"."accompaniments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuity_settings" ADD CONSTRAINT "continuity_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_attempts" ADD CONSTRAINT "outreach_attempts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_attempts" ADD CONSTRAINT "outreach_attempts_case_id_outreach_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."outreach_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_attempts" ADD CONSTRAINT "outreach_attempts_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_cases" ADD CONSTRAINT "outreach_cases_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_cases" ADD CONSTRAINT "outreach_cases_accompaniment_id_accompaniments_id_fk" FOREIGN KEY ("accompaniment_id") REFERENCES "public"."accompaniments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_cases" ADD CONSTRAINT "outreach_cases_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_cases" ADD CONSTRAINT "outreach_cases_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recontact_preferences" ADD CONSTRAINT "recontact_preferences_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recontact_preferences" ADD CONSTRAINT "recontact_preferences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recontact_preferences" ADD CONSTRAINT "recontact_preferences_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_accounts" ADD CONSTRAINT "person_accounts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_accounts" ADD CONSTRAINT "person_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_accounts" ADD CONSTRAINT "person_accounts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_accounts" ADD CONSTRAINT "person_accounts_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_messages" ADD CONSTRAINT "portal_messages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_messages" ADD CONSTRAINT "portal_messages_accompaniment_id_accompaniments_id_fk" FOREIGN KEY ("accompaniment_id") REFERENCES "public"."accompaniments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_messages" ADD CONSTRAINT "portal_messages_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_messages" ADD CONSTRAINT "portal_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymisation_proposals" ADD CONSTRAINT "anonymisation_proposals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymisation_proposals" ADD CONSTRAINT "anonymisation_proposals_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymisation_proposals" ADD CONSTRAINT "anonymisation_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_requests" ADD CONSTRAINT "rights_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_requests" ADD CONSTRAINT "rights_requests_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_requests" ADD CONSTRAINT "rights_requests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accompaniment_goals_accompaniment_idx" ON "accompaniment_goals" USING btree ("accompaniment_id");--> statement-breakpoint
CREATE INDEX "accompaniment_notes_accompaniment_idx" ON "accompaniment_notes" USING btree ("accompaniment_id","written_at");--> statement-breakpoint
CREATE INDEX "accompaniment_peers_user_idx" ON "accompaniment_peers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "accompaniment_status_events_idx" ON "accompaniment_status_events" USING btree ("accompaniment_id","at");--> statement-breakpoint
CREATE INDEX "accompaniments_person_idx" ON "accompaniments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "accompaniments_org_status_idx" ON "accompaniments" USING btree ("organization_id","status","last_contact_at");--> statement-breakpoint
CREATE INDEX "appointments_accompaniment_time_idx" ON "appointments" USING btree ("accompaniment_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_org_time_idx" ON "appointments" USING btree ("organization_id","starts_at");--> statement-breakpoint
CREATE INDEX "intervention_peers_user_idx" ON "intervention_peers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "interventions_person_time_idx" ON "interventions" USING btree ("person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interventions_accompaniment_time_idx" ON "interventions" USING btree ("accompaniment_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interventions_org_time_idx" ON "interventions" USING btree ("organization_id","occurred_at");--> statement-breakpoint
CREATE INDEX "outreach_attempts_case_idx" ON "outreach_attempts" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "outreach_cases_queue_idx" ON "outreach_cases" USING btree ("organization_id","status","flagged_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_cases_one_open_idx" ON "outreach_cases" USING btree ("accompaniment_id") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "person_accounts_user_idx" ON "person_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "portal_messages_accompaniment_idx" ON "portal_messages" USING btree ("accompaniment_id","sent_at");--> statement-breakpoint
CREATE INDEX "anonymisation_proposals_queue_idx" ON "anonymisation_proposals" USING btree ("organization_id","status","proposed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "anonymisation_proposals_one_open_idx" ON "anonymisation_proposals" USING btree ("person_id") WHERE status = 'proposed';--> statement-breakpoint
CREATE INDEX "rights_requests_org_due_idx" ON "rights_requests" USING btree ("organization_id","answered_at","due_at");--> statement-breakpoint
CREATE INDEX "persons_last_contact_idx" ON "persons" USING btree ("organization_id","last_contact_at");