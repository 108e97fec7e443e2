CREATE TYPE "public"."consent_method" AS ENUM('oral_recorded', 'paper_signed', 'portal_click', 'e_sign');--> statement-breakpoint
CREATE TYPE "public"."consent_purpose" AS ENUM('contact', 'data_processing', 'share_document', 'exchange_with_partner', 'recontact', 'photo', 'research', 'statistics_beyond_legal');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('phone', 'sms', 'email', 'through_partner');--> statement-breakpoint
CREATE TYPE "public"."departement" AS ENUM('04', '05', '06', '13', '83', '84');--> statement-breakpoint
CREATE TYPE "public"."employment_status" AS ENUM('employed', 'job_seeking', 'training', 'inactive', 'retired', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."housing_situation" AS ENUM('own_or_rented', 'hosted_by_relatives', 'supported_housing', 'precarious', 'homeless', 'institution', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."referral_decision" AS ENUM('accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."request_contact_method" AS ENUM('phone', 'email', 'through_partner');--> statement-breakpoint
CREATE TYPE "public"."request_source" AS ENUM('public_form', 'partner_referral', 'coordinator_entry');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('new', 'contacted', 'accompaniment_opened', 'redirected', 'closed');--> statement-breakpoint
CREATE TYPE "public"."request_urgency" AS ENUM('standard', 'urgent', 'emergency_department');--> statement-breakpoint
CREATE TABLE "person_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" "consent_purpose" NOT NULL,
	"scope" text,
	"recipients" text,
	"method" "consent_method" NOT NULL,
	"text_version" text NOT NULL,
	"collected_at" timestamp with time zone NOT NULL,
	"collected_by" uuid,
	"valid_until" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_how" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_referents" (
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_referents_person_id_user_id_pk" PRIMARY KEY("person_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"first_name" text,
	"pseudonym" text,
	"last_name" text,
	"phone" text,
	"email" text,
	"preferred_channel" "contact_channel",
	"departement" "departement" NOT NULL,
	"commune_insee" text NOT NULL,
	"commune_name" text NOT NULL,
	"birth_year" integer,
	"housing" "housing_situation" DEFAULT 'unknown' NOT NULL,
	"employment" "employment_status" DEFAULT 'unknown' NOT NULL,
	"structures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_contact_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"identity_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_reference_counters" (
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "request_reference_counters_organization_id_year_pk" PRIMARY KEY("organization_id","year")
);
--> statement-breakpoint
CREATE TABLE "request_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"emergency_target_minutes" integer NOT NULL,
	"urgent_target_minutes" integer NOT NULL,
	"standard_target_minutes" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"from_status" "request_status",
	"to_status" "request_status" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"person_id" uuid NOT NULL,
	"source" "request_source" NOT NULL,
	"urgency" "request_urgency" DEFAULT 'standard' NOT NULL,
	"status" "request_status" DEFAULT 'new' NOT NULL,
	"departement" "departement" NOT NULL,
	"commune_insee" text NOT NULL,
	"contact_method" "request_contact_method",
	"hopes" text,
	"preferred_times" text,
	"referring_structure" text,
	"referral_reason" text,
	"referrer_user_id" uuid,
	"emergency_site" text,
	"emergency_contact" text,
	"decision" "referral_decision",
	"decision_reason" text,
	"handoff_to" text,
	"handoff_structure" text,
	"decided_at" timestamp with time zone,
	"redirected_to" text,
	"closed_reason" text,
	"content_hash" text,
	"received_at" timestamp with time zone NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"first_contact_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_collected_by_users_id_fk" FOREIGN KEY ("collected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_referents" ADD CONSTRAINT "person_referents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_referents" ADD CONSTRAINT "person_referents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_referents" ADD CONSTRAINT "person_referents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_reference_counters" ADD CONSTRAINT "request_reference_counters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_settings" ADD CONSTRAINT "request_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_status_events" ADD CONSTRAINT "request_status_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_status_events" ADD CONSTRAINT "request_status_events_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_status_events" ADD CONSTRAINT "request_status_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_referrer_user_id_users_id_fk" FOREIGN KEY ("referrer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_consents_person_idx" ON "person_consents" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_referents_user_idx" ON "person_referents" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "persons_organization_idx" ON "persons" USING btree ("organization_id","departement");--> statement-breakpoint
CREATE INDEX "persons_identity_idx" ON "persons" USING btree ("organization_id","identity_key");--> statement-breakpoint
CREATE INDEX "persons_search_trgm_idx" ON "persons" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "request_status_events_request_idx" ON "request_status_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "support_requests_reference_idx" ON "support_requests" USING btree ("organization_id","reference");--> statement-breakpoint
CREATE INDEX "support_requests_queue_idx" ON "support_requests" USING btree ("organization_id","status","respond_by");--> statement-breakpoint
CREATE INDEX "support_requests_person_idx" ON "support_requests" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "support_requests_referrer_idx" ON "support_requests" USING btree ("referrer_user_id");--> statement-breakpoint
CREATE INDEX "support_requests_content_idx" ON "support_requests" USING btree ("organization_id","content_hash");