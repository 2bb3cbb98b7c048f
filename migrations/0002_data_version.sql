-- The data version and the triggers that keep it (see data_version in src/db/schema.ts).
CREATE TABLE `data_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `data_version` (`id`, `version`) VALUES (1, 1);
--> statement-breakpoint
CREATE TRIGGER reference_files_insert_bumps_version AFTER INSERT ON reference_files BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER reference_files_update_bumps_version AFTER UPDATE ON reference_files BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER reference_files_delete_bumps_version AFTER DELETE ON reference_files BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER regions_insert_bumps_version AFTER INSERT ON regions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER regions_update_bumps_version AFTER UPDATE ON regions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER regions_delete_bumps_version AFTER DELETE ON regions BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER local_authorities_insert_bumps_version AFTER INSERT ON local_authorities BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER local_authorities_update_bumps_version AFTER UPDATE ON local_authorities BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER local_authorities_delete_bumps_version AFTER DELETE ON local_authorities BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER former_gss_codes_insert_bumps_version AFTER INSERT ON former_gss_codes BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER former_gss_codes_update_bumps_version AFTER UPDATE ON former_gss_codes BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER former_gss_codes_delete_bumps_version AFTER DELETE ON former_gss_codes BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER schools_insert_bumps_version AFTER INSERT ON schools BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER schools_update_bumps_version AFTER UPDATE ON schools BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER schools_delete_bumps_version AFTER DELETE ON schools BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER oap_sources_insert_bumps_version AFTER INSERT ON oap_sources BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER oap_sources_update_bumps_version AFTER UPDATE ON oap_sources BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER oap_sources_delete_bumps_version AFTER DELETE ON oap_sources BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER snapshots_insert_bumps_version AFTER INSERT ON snapshots BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER snapshots_update_bumps_version AFTER UPDATE ON snapshots BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER snapshots_delete_bumps_version AFTER DELETE ON snapshots BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER tier_schemes_insert_bumps_version AFTER INSERT ON tier_schemes BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER tier_schemes_update_bumps_version AFTER UPDATE ON tier_schemes BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER tier_schemes_delete_bumps_version AFTER DELETE ON tier_schemes BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER tiers_insert_bumps_version AFTER INSERT ON tiers BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER tiers_update_bumps_version AFTER UPDATE ON tiers BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER tiers_delete_bumps_version AFTER DELETE ON tiers BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER documents_insert_bumps_version AFTER INSERT ON documents BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER documents_update_bumps_version AFTER UPDATE ON documents BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER documents_delete_bumps_version AFTER DELETE ON documents BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER document_dates_insert_bumps_version AFTER INSERT ON document_dates BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER document_dates_update_bumps_version AFTER UPDATE ON document_dates BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER document_dates_delete_bumps_version AFTER DELETE ON document_dates BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER document_las_insert_bumps_version AFTER INSERT ON document_las BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER document_las_update_bumps_version AFTER UPDATE ON document_las BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER document_las_delete_bumps_version AFTER DELETE ON document_las BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER statements_insert_bumps_version AFTER INSERT ON statements BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER statements_update_bumps_version AFTER UPDATE ON statements BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER statements_delete_bumps_version AFTER DELETE ON statements BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER statement_parts_insert_bumps_version AFTER INSERT ON statement_parts BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER statement_parts_update_bumps_version AFTER UPDATE ON statement_parts BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER statement_parts_delete_bumps_version AFTER DELETE ON statement_parts BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER provision_items_insert_bumps_version AFTER INSERT ON provision_items BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER provision_items_update_bumps_version AFTER UPDATE ON provision_items BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER provision_items_delete_bumps_version AFTER DELETE ON provision_items BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER provision_item_synonyms_insert_bumps_version AFTER INSERT ON provision_item_synonyms BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER provision_item_synonyms_update_bumps_version AFTER UPDATE ON provision_item_synonyms BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER provision_item_synonyms_delete_bumps_version AFTER DELETE ON provision_item_synonyms BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_analyses_insert_bumps_version AFTER INSERT ON report_analyses BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_analyses_update_bumps_version AFTER UPDATE ON report_analyses BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_analyses_delete_bumps_version AFTER DELETE ON report_analyses BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_item_results_insert_bumps_version AFTER INSERT ON report_item_results BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_item_results_update_bumps_version AFTER UPDATE ON report_item_results BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_item_results_delete_bumps_version AFTER DELETE ON report_item_results BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER dataset_releases_insert_bumps_version AFTER INSERT ON dataset_releases BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER dataset_releases_update_bumps_version AFTER UPDATE ON dataset_releases BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER dataset_releases_delete_bumps_version AFTER DELETE ON dataset_releases BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER pipeline_events_insert_bumps_version AFTER INSERT ON pipeline_events BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER pipeline_events_update_bumps_version AFTER UPDATE ON pipeline_events BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER pipeline_events_delete_bumps_version AFTER DELETE ON pipeline_events BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
