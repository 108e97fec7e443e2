CREATE TYPE "public"."document_copy_kind" AS ENUM('paper', 'pdf', 'patient_record', 'other');--> statement-breakpoint
CREATE TYPE "public"."recovery_document_kind" AS ENUM('wrap', 'pcc', 'dap', 'recovery_plan');--> statement-breakpoint
CREATE TYPE "public"."recovery_document_status" AS ENUM('draft', 'active', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."document_share_channel" AS ENUM('portal', 'link', 'pdf');--> statement-breakpoint
CREATE TYPE "public"."document_share_recipient_kind" AS ENUM('user', 'external');--> statement-breakpoint
CREATE TYPE "public"."recovery_version_status" AS ENUM('draft', 'validated', 'superseded');--> statement-breakpoint
CREATE TABLE "crisis_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"section_codes" text[] NOT NULL,
	"token_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "document_copy_holders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid,
	"holder" text NOT NULL,
	"kind" "document_copy_kind" NOT NULL,
	"given_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "document_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid,
	"recipient_kind" "document_share_recipient_kind" NOT NULL,
	"recipient_user_id" uuid,
	"recipient_email" text,
	"recipient_label" text NOT NULL,
	"purpose" text NOT NULL,
	"scope_sections" text[],
	"channel" "document_share_channel" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"granted_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"link_token_hash" text,
	"access_code_hash" text,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"link_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "document_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" "recovery_document_kind" NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "recovery_document_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recovery_document_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"user_id" uuid,
	"as_role" text NOT NULL,
	"in_presence_of_person" boolean DEFAULT false NOT NULL,
	"section_codes" text[] NOT NULL,
	"revision" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_document_facilitators" (
	"document_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "recovery_document_facilitators_document_id_user_id_pk" PRIMARY KEY("document_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "recovery_document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"template_id" uuid NOT NULL,
	"status" "recovery_version_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"validated_at" timestamp with time zone,
	"validated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "recovery_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" "recovery_document_kind" NOT NULL,
	"title" text NOT NULL,
	"status" "recovery_document_status" DEFAULT 'draft' NOT NULL,
	"active_version_id" uuid,
	"visible_to_team" boolean DEFAULT false NOT NULL,
	"review_due_on" date,
	"review_reminded_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crisis_cards" ADD CONSTRAINT "crisis_cards_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_cards" ADD CONSTRAINT "crisis_cards_document_id_recovery_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."recovery_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_cards" ADD CONSTRAINT "crisis_cards_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_copy_holders" ADD CONSTRAINT "document_copy_holders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_copy_holders" ADD CONSTRAINT "document_copy_holders_document_id_recovery_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."recovery_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_copy_holders" ADD CONSTRAINT "document_copy_holders_version_id_recovery_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."recovery_document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_copy_holders" ADD CONSTRAINT "document_copy_holders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_document_id_recovery_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."recovery_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_version_id_recovery_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."recovery_document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_templates" ADD CONSTRAINT "document_templates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_templates" ADD CONSTRAINT "document_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_changes" ADD CONSTRAINT "recovery_document_changes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_changes" ADD CONSTRAINT "recovery_document_changes_document_id_recovery_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."recovery_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_changes" ADD CONSTRAINT "recovery_document_changes_version_id_recovery_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."recovery_document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_changes" ADD CONSTRAINT "recovery_document_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_facilitators" ADD CONSTRAINT "recovery_document_facilitators_document_id_recovery_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."recovery_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_facilitators" ADD CONSTRAINT "recovery_document_facilitators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_facilitators" ADD CONSTRAINT "recovery_document_facilitators_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_versions" ADD CONSTRAINT "recovery_document_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_versions" ADD CONSTRAINT "recovery_document_versions_document_id_recovery_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."recovery_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_versions" ADD CONSTRAINT "recovery_document_versions_template_id_document_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."document_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_versions" ADD CONSTRAINT "recovery_document_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_versions" ADD CONSTRAINT "recovery_document_versions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_document_versions" ADD CONSTRAINT "recovery_document_versions_validated_by_users_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_documents" ADD CONSTRAINT "recovery_documents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_documents" ADD CONSTRAINT "recovery_documents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crisis_cards_token_idx" ON "crisis_cards" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "crisis_cards_one_in_force_idx" ON "crisis_cards" USING btree ("document_id") WHERE "crisis_cards"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "document_copy_holders_document_idx" ON "document_copy_holders" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_shares_document_idx" ON "document_shares" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_shares_recipient_idx" ON "document_shares" USING btree ("organization_id","recipient_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_shares_link_idx" ON "document_shares" USING btree ("link_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "document_templates_org_kind_version_idx" ON "document_templates" USING btree ("organization_id","kind","version");--> statement-breakpoint
CREATE INDEX "recovery_document_changes_version_idx" ON "recovery_document_changes" USING btree ("version_id","changed_at");--> statement-breakpoint
CREATE INDEX "recovery_document_facilitators_user_idx" ON "recovery_document_facilitators" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recovery_document_versions_no_idx" ON "recovery_document_versions" USING btree ("document_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "recovery_document_versions_one_draft_idx" ON "recovery_document_versions" USING btree ("document_id") WHERE "recovery_document_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "recovery_documents_person_idx" ON "recovery_documents" USING btree ("organization_id","person_id");--> statement-breakpoint
CREATE INDEX "recovery_documents_review_idx" ON "recovery_documents" USING btree ("review_due_on") WHERE "recovery_documents"."status" = 'active';