/** Reads the project's data files (registry, vocabulary, tier schemes, LAs) from disk. */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { parseRegistryCsv, REGISTRY_COLUMNS, type RegistrySource } from "../../src/normalise/registry";
import { parseTierSchemesCsv, type TierScheme } from "../../src/normalise/tiers";
import { createVocabularyMatcher, parseVocabularyCsv, type VocabularyItem, type VocabularyMatcher } from "../../src/normalise/vocabulary";
import { foldText } from "../../src/lib/text";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const PATHS = {
  registry: "data/sources/oap-sources.csv",
  vocabulary: "data/vocabulary/provisions.csv",
  tierSchemes: "data/vocabulary/tier-schemes.csv",
  las: "data/reference/local-authorities.csv",
  snapshots: "data/snapshots",
  dataset: "data/dataset",
} as const;

const read = (relative: string, root = ROOT) => readFileSync(path.join(root, relative), "utf8");

export const readVocabulary = (root = ROOT): VocabularyItem[] => parseVocabularyCsv(read(PATHS.vocabulary, root));
export const readTierSchemes = (root = ROOT): TierScheme[] => parseTierSchemesCsv(read(PATHS.tierSchemes, root));
export const readRegistry = (root = ROOT): RegistrySource[] => parseRegistryCsv(read(PATHS.registry, root));

/**
 * A working copy of the project's data for a run that must not touch `data/`: the vocabulary
 * and reference data, and a registry of the given rows (values in REGISTRY_COLUMNS order).
 */
export function seedWorkingRoot(root: string, registryRows: string[][]): void {
  for (const dir of ["data/vocabulary", "data/reference"]) cpSync(path.join(ROOT, dir), path.join(root, dir), { recursive: true });
  mkdirSync(path.join(root, path.dirname(PATHS.registry)), { recursive: true });
  writeFileSync(path.join(root, PATHS.registry), stringify([REGISTRY_COLUMNS, ...registryRows]));
}

export function loadMatcher(root = ROOT): VocabularyMatcher {
  return createVocabularyMatcher(readVocabulary(root));
}

export interface LaRow {
  la_code: string;
  gss_code: string;
  name: string;
}

export function readLas(root = ROOT): LaRow[] {
  return parse(read(PATHS.las, root), { columns: true, skip_empty_lines: true, bom: true });
}

/** An LA by DfE code, GSS code or name (case and punctuation ignored), or null. */
export function findLa(query: string, las: LaRow[]): LaRow | null {
  const key = foldText(query);
  return las.find((la) => la.la_code === query || la.gss_code.toUpperCase() === query.toUpperCase() || foldText(la.name) === key || foldText(la.name.replace(/,\s*(City|County) of$/i, "")) === key) ?? null;
}
