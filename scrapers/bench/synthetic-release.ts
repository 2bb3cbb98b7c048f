/**
 * Synthetic OAP data at national scale for benchmarks: one document per LA with a three-tier
 * scheme and a few hundred statements spread over the areas of need, each matched to items
 * of a synthetic vocabulary. Marked `fixture`, so only a Worker started with
 * SERVE_FIXTURE_DATA serves it, and never part of a release.
 */
import type { ReleaseData, Row } from "../../src/dataset/tables";

const AREAS = ["WS", "CI", "CL", "SEMH", "SP"];
const TIERS = [
  { label: "Everyone", canonical: "universal" },
  { label: "Some", canonical: "targeted" },
  { label: "Few", canonical: "specialist" },
];
const WORDS = ["visual", "timetable", "quiet", "space", "reading", "group", "movement", "break", "overlay", "instruction", "checklist", "sensory", "routine", "language", "support", "adult", "calm", "task", "planner", "model"];
const AT = "2026-11-01T00:00:00.000Z";

export function syntheticRelease(laCodes: string[], statementsPerLa = 300): ReleaseData {
  const items: Row[] = Array.from({ length: 60 }, (_, i) => ({
    id: `bench_item_${i}`,
    area: AREAS[i % AREAS.length],
    label: `Benchmark item ${i}`,
    definition: "Synthetic item for benchmarks.",
    item_type: "strategy",
    typical_tier: TIERS[i % 3]!.canonical,
  }));
  const data: ReleaseData = {
    local_authorities: [],
    snapshots: [],
    sources: [],
    tier_schemes: [{ id: "bench-scheme", name: "Everyone / Some / Few", cumulative: true, notes: "Synthetic." }],
    tiers: TIERS.map((t, i) => ({ scheme_id: "bench-scheme", ordinal: i + 1, label: t.label, canonical_tier: t.canonical, within_oap: i < 2, description: null })),
    documents: [],
    document_dates: [],
    document_las: [],
    provision_items: items,
    provision_item_synonyms: [],
    statements: [],
    statement_parts: [],
  };
  for (const la of laCodes) {
    const doc = `bench-${la}`;
    const sha = la.padStart(64, "0");
    data.snapshots!.push({ sha256: sha, url: `https://bench.invalid/${la}`, final_url: `https://bench.invalid/${la}`, retrieved_at: AT, http_status: 200, content_type: "pdf", declared_content_type: null, etag: null, last_modified: null, bytes: 1, storage_key: sha });
    data.sources!.push({ id: `${la}-bench`, la_code: la, status: "found", shared_with: null, shared_source_id: null, title: "Synthetic", landing_url: null, document_url: null, format: "pdf", platform: null, adapter: null, date_or_version: null, notes: null, last_checked_at: AT, last_outcome: "ok" });
    data.documents!.push({ id: doc, title: `Synthetic guidance ${la}`, doc_family: "oap", audience: "professional", status: "final", version_label: null, url: `https://bench.invalid/${la}`, final_url: `https://bench.invalid/${la}`, retrieved_at: AT, sha256: sha, content_type: "pdf", platform: null, adapter: "synthetic", method: "fixture", source_id: `${la}-bench`, is_authoritative: true, licence: "unknown", licence_evidence: null, phases: [], age_min: null, age_max: null, tier_scheme_id: "bench-scheme", supersedes_id: null, page_count: 20, extraction_status: "ok", first_seen: AT, last_seen: AT });
    data.document_dates!.push({ doc_id: doc, kind: "published", value: "2025", precision: "year", source: "title", evidence: "Synthetic 2025" });
    data.document_las!.push({ doc_id: doc, la_code: la, role: "publisher", since: null });
    for (let i = 0; i < statementsPerLa; i++) {
      const id = `${doc}-${i}`;
      const tier = i % 3;
      const text = Array.from({ length: 12 }, (_, w) => WORDS[(i * 7 + w * 3 + Number(la)) % WORDS.length]).join(" ");
      data.statements!.push({ id, doc_id: doc, ordinal: i + 1, kind: i % 5 === 4 ? "need_descriptor" : "provision", area: AREAS[i % AREAS.length], sub_need: null, sub_need_label: null, tier_ordinal: tier + 1, tier_label: TIERS[tier]!.label, canonical_tier: TIERS[tier]!.canonical, phases: i % 4 === 0 ? ["KS1", "KS2"] : [], heading_path: ["Synthetic", AREAS[i % AREAS.length]], text_raw: `${text}.`, text_norm: text, locator: { page: 1 + Math.floor(i / 20) }, extraction_method: "pdf_text", confidence: 0.9, pairs_with_id: null, first_seen: AT, last_seen: AT });
      data.statement_parts!.push({ statement_id: id, ordinal: 1, text, item_id: `bench_item_${(i * 13 + Number(la)) % 60}`, method: "rule", score: 0.9 });
    }
  }
  return data;
}
