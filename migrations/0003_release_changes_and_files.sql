ALTER TABLE `dataset_releases` ADD `changes` text;--> statement-breakpoint
ALTER TABLE `dataset_releases` ADD `files` text;