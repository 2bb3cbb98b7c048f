CREATE TABLE `dataset_releases` (
	`version` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`previous_version` text,
	`created_at` text NOT NULL,
	`published_at` text,
	`licence` text NOT NULL,
	`counts` text NOT NULL,
	`checksums_sha256` text,
	`notes` text
);
--> statement-breakpoint
CREATE INDEX `dataset_releases_published_idx` ON `dataset_releases` (`status`,`published_at`);--> statement-breakpoint
CREATE TABLE `document_dates` (
	`doc_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`precision` text NOT NULL,
	`source` text NOT NULL,
	`evidence` text NOT NULL,
	PRIMARY KEY(`doc_id`, `kind`),
	FOREIGN KEY (`doc_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `document_las` (
	`doc_id` text NOT NULL,
	`la_code` text NOT NULL,
	`role` text NOT NULL,
	`since` text,
	PRIMARY KEY(`doc_id`, `la_code`),
	FOREIGN KEY (`doc_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`la_code`) REFERENCES `local_authorities`(`la_code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_las_la_idx` ON `document_las` (`la_code`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`doc_family` text NOT NULL,
	`audience` text DEFAULT 'professional' NOT NULL,
	`status` text NOT NULL,
	`version_label` text,
	`url` text NOT NULL,
	`final_url` text NOT NULL,
	`retrieved_at` text NOT NULL,
	`sha256` text NOT NULL,
	`content_type` text NOT NULL,
	`platform` text,
	`adapter` text NOT NULL,
	`method` text NOT NULL,
	`source_id` text,
	`is_authoritative` integer DEFAULT true NOT NULL,
	`licence` text DEFAULT 'unknown' NOT NULL,
	`licence_evidence` text,
	`phases` text DEFAULT '[]' NOT NULL,
	`age_min` integer,
	`age_max` integer,
	`tier_scheme_id` text,
	`supersedes_id` text,
	`parent_doc_id` text,
	`page_count` integer,
	`extraction_status` text NOT NULL,
	`extraction_notes` text,
	`first_seen` text NOT NULL,
	`last_seen` text NOT NULL,
	`modified_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`sha256`) REFERENCES `snapshots`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `oap_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tier_scheme_id`) REFERENCES `tier_schemes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_doc_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_status_idx` ON `documents` (`status`);--> statement-breakpoint
CREATE INDEX `documents_modified_idx` ON `documents` (`modified_at`);--> statement-breakpoint
CREATE INDEX `documents_source_idx` ON `documents` (`source_id`);--> statement-breakpoint
CREATE TABLE `former_gss_codes` (
	`gss_code` text PRIMARY KEY NOT NULL,
	`la_code` text NOT NULL,
	`valid_to` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`la_code`) REFERENCES `local_authorities`(`la_code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `local_authorities` (
	`la_code` text PRIMARY KEY NOT NULL,
	`gss_code` text NOT NULL,
	`name` text NOT NULL,
	`name_folded` text NOT NULL,
	`slug` text NOT NULL,
	`la_type` text NOT NULL,
	`region_code` text NOT NULL,
	`reference_sha256` text NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reference_sha256`) REFERENCES `reference_files`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `local_authorities_gss_code_unique` ON `local_authorities` (`gss_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `local_authorities_slug_unique` ON `local_authorities` (`slug`);--> statement-breakpoint
CREATE INDEX `local_authorities_region_idx` ON `local_authorities` (`region_code`,`name`);--> statement-breakpoint
CREATE TABLE `oap_sources` (
	`id` text PRIMARY KEY NOT NULL,
	`la_code` text NOT NULL,
	`status` text NOT NULL,
	`shared_with` text,
	`shared_source_id` text,
	`title` text,
	`landing_url` text,
	`document_url` text,
	`format` text DEFAULT 'unknown' NOT NULL,
	`platform` text,
	`adapter` text,
	`date_or_version` text,
	`notes` text,
	`last_checked_at` text,
	`last_outcome` text,
	FOREIGN KEY (`la_code`) REFERENCES `local_authorities`(`la_code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shared_source_id`) REFERENCES `oap_sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `oap_sources_la_idx` ON `oap_sources` (`la_code`);--> statement-breakpoint
CREATE TABLE `pipeline_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` text NOT NULL,
	`at` text NOT NULL,
	`subject` text NOT NULL,
	`subject_id` text NOT NULL,
	`url` text,
	`stage` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`sha256` text
);
--> statement-breakpoint
CREATE INDEX `pipeline_events_subject_idx` ON `pipeline_events` (`subject`,`subject_id`,`at`);--> statement-breakpoint
CREATE INDEX `pipeline_events_run_idx` ON `pipeline_events` (`run_id`);--> statement-breakpoint
CREATE TABLE `provision_item_synonyms` (
	`item_id` text NOT NULL,
	`synonym` text NOT NULL,
	`match_kind` text NOT NULL,
	PRIMARY KEY(`item_id`, `synonym`),
	FOREIGN KEY (`item_id`) REFERENCES `provision_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `provision_items` (
	`id` text PRIMARY KEY NOT NULL,
	`area` text NOT NULL,
	`label` text NOT NULL,
	`definition` text NOT NULL,
	`item_type` text NOT NULL,
	`typical_tier` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `provision_items_area_idx` ON `provision_items` (`area`);--> statement-breakpoint
CREATE TABLE `reference_files` (
	`sha256` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`path` text NOT NULL,
	`source` text NOT NULL,
	`licence` text NOT NULL,
	`rows` integer NOT NULL,
	`loaded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `regions_name_unique` ON `regions` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `regions_slug_unique` ON `regions` (`slug`);--> statement-breakpoint
CREATE TABLE `report_analyses` (
	`id` text PRIMARY KEY NOT NULL,
	`urn` integer,
	`url` text,
	`final_url` text,
	`retrieved_at` text,
	`sha256` text NOT NULL,
	`content_type` text NOT NULL,
	`method` text NOT NULL,
	`analysed_at` text NOT NULL,
	`analyser_version` text NOT NULL,
	`report_date` text,
	`stale` integer,
	`score` real NOT NULL,
	`result` text NOT NULL,
	FOREIGN KEY (`urn`) REFERENCES `schools`(`urn`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_analyses_urn_idx` ON `report_analyses` (`urn`,`analysed_at`);--> statement-breakpoint
CREATE TABLE `report_item_results` (
	`analysis_id` text NOT NULL,
	`item_id` text NOT NULL,
	`status` text NOT NULL,
	`confidence` real NOT NULL,
	`reasons` text NOT NULL,
	`evidence` text NOT NULL,
	`question` text,
	PRIMARY KEY(`analysis_id`, `item_id`),
	FOREIGN KEY (`analysis_id`) REFERENCES `report_analyses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_item_results_item_idx` ON `report_item_results` (`item_id`,`status`);--> statement-breakpoint
CREATE TABLE `schools` (
	`urn` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_folded` text NOT NULL,
	`la_code` text NOT NULL,
	`type` text,
	`phase` text,
	`phase_slug` text,
	`status` text NOT NULL,
	`postcode` text,
	`postcode_compact` text,
	`postcode_outward` text,
	`website` text,
	`in_current_register` integer DEFAULT true NOT NULL,
	`reference_sha256` text NOT NULL,
	FOREIGN KEY (`la_code`) REFERENCES `local_authorities`(`la_code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reference_sha256`) REFERENCES `reference_files`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `schools_la_idx` ON `schools` (`in_current_register`,`la_code`,`name`);--> statement-breakpoint
CREATE INDEX `schools_postcode_compact_idx` ON `schools` (`postcode_compact`);--> statement-breakpoint
CREATE INDEX `schools_postcode_outward_idx` ON `schools` (`postcode_outward`);--> statement-breakpoint
CREATE INDEX `schools_phase_idx` ON `schools` (`phase_slug`);--> statement-breakpoint
CREATE INDEX `schools_reference_idx` ON `schools` (`reference_sha256`);--> statement-breakpoint
CREATE TABLE `snapshots` (
	`sha256` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`final_url` text NOT NULL,
	`retrieved_at` text NOT NULL,
	`http_status` integer NOT NULL,
	`content_type` text NOT NULL,
	`declared_content_type` text,
	`etag` text,
	`last_modified` text,
	`bytes` integer NOT NULL,
	`storage_key` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `snapshots_url_idx` ON `snapshots` (`url`,`retrieved_at`);--> statement-breakpoint
CREATE TABLE `statement_parts` (
	`statement_id` text NOT NULL,
	`ordinal` integer NOT NULL,
	`text` text NOT NULL,
	`item_id` text,
	`method` text,
	`score` real,
	PRIMARY KEY(`statement_id`, `ordinal`),
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `provision_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `statement_parts_item_idx` ON `statement_parts` (`item_id`);--> statement-breakpoint
CREATE TABLE `statements` (
	`id` text PRIMARY KEY NOT NULL,
	`doc_id` text NOT NULL,
	`ordinal` integer NOT NULL,
	`kind` text NOT NULL,
	`area` text,
	`sub_need` text,
	`sub_need_label` text,
	`tier_ordinal` integer,
	`tier_label` text,
	`canonical_tier` text,
	`phases` text DEFAULT '[]' NOT NULL,
	`heading_path` text DEFAULT '[]' NOT NULL,
	`text_raw` text NOT NULL,
	`text_norm` text NOT NULL,
	`locator` text NOT NULL,
	`extraction_method` text NOT NULL,
	`confidence` real NOT NULL,
	`pairs_with_id` text,
	`first_seen` text NOT NULL,
	`last_seen` text NOT NULL,
	FOREIGN KEY (`doc_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pairs_with_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `statements_doc_idx` ON `statements` (`doc_id`,`ordinal`);--> statement-breakpoint
CREATE INDEX `statements_area_tier_idx` ON `statements` (`area`,`canonical_tier`);--> statement-breakpoint
CREATE TABLE `tier_schemes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`cumulative` integer DEFAULT false NOT NULL,
	`notes` text
);
--> statement-breakpoint
CREATE TABLE `tiers` (
	`scheme_id` text NOT NULL,
	`ordinal` integer NOT NULL,
	`label` text NOT NULL,
	`canonical_tier` text NOT NULL,
	`within_oap` integer NOT NULL,
	`description` text,
	PRIMARY KEY(`scheme_id`, `ordinal`),
	FOREIGN KEY (`scheme_id`) REFERENCES `tier_schemes`(`id`) ON UPDATE no action ON DELETE no action
);
