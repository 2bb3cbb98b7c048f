/**
 * An invented OAP data set for the API tests, written for them. Every document is marked
 * `method = "fixture"`, which the API only serves when SERVE_FIXTURE_DATA is set (as the
 * test configuration does), so none of this can pass for an LA's real guidance.
 *
 *  - Camden (202): one current guide with a three-tier scheme and a superseded older guide.
 *  - Barnsley (370): one current guide with a two-tier scheme, cognition and learning only.
 *  - Kingston (314) and Richmond (318): one shared guide.
 *  - City of London (201): listed in the registry as not found yet; no documents.
 */
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import * as s from "../../src/db/schema";

const RETRIEVED = "2026-11-20T10:00:00.000Z";

export const VOCABULARY = [
  { id: "visual_timetable", area: "WS", label: "Visual timetable", definition: "A picture or word timetable of the day, for the class or one pupil.", itemType: "resource_equipment", typicalTier: "universal", synonyms: ["visual timetable", "picture timetable", "visual schedule"] },
  { id: "chunked_instructions", area: "WS", label: "Instructions in short steps", definition: "Instructions given one small step at a time, checked before moving on.", itemType: "strategy", typicalTier: "universal", synonyms: ["chunked instructions", "one instruction at a time", "short steps"] },
  { id: "now_next_board", area: "CI", label: "Now-and-next board", definition: "A board showing the current activity and the one after it.", itemType: "resource_equipment", typicalTier: "universal", synonyms: ["now and next", "now-and-next", "first then"] },
  { id: "social_stories", area: "CI", label: "Social stories", definition: "Short personal stories that explain a situation and what to expect.", itemType: "strategy", typicalTier: "targeted", synonyms: ["social stories", "social story"] },
  { id: "coloured_overlays", area: "CL", label: "Coloured overlays", definition: "Tinted sheets or paper that some pupils find easier to read through.", itemType: "resource_equipment", typicalTier: "universal", synonyms: ["coloured overlays", "tinted paper", "coloured paper"] },
  { id: "literacy_intervention", area: "CL", label: "Reading or spelling intervention", definition: "A structured, time-limited programme for reading or spelling.", itemType: "intervention_programme", typicalTier: "targeted", synonyms: ["reading intervention", "phonics catch-up", "spelling programme"] },
  { id: "safe_space", area: "SEMH", label: "Calm space", definition: "A quiet place a pupil can go to settle, agreed in advance.", itemType: "environment", typicalTier: "universal", synonyms: ["calm space", "quiet space", "safe space"] },
  { id: "elsa", area: "SEMH", label: "ELSA sessions", definition: "Sessions with an Emotional Literacy Support Assistant.", itemType: "intervention_programme", typicalTier: "targeted", synonyms: ["elsa", "emotional literacy support"] },
  { id: "radio_aid", area: "SP", label: "Radio aid", definition: "A microphone system that sends the teacher's voice to a pupil's hearing aids.", itemType: "assistive_tech", typicalTier: "targeted", synonyms: ["radio aid", "remote microphone"] },
] as const;

interface FixtureStatement {
  id: string;
  area: (typeof s.AREAS)[number];
  tier?: number;
  kind?: (typeof s.STATEMENT_KINDS)[number];
  subNeed?: string;
  phases?: string[];
  text: string;
  items?: Array<(typeof VOCABULARY)[number]["id"]>;
}

function statementRows(docId: string, scheme: Array<{ label: string; canonical: string }>, heading: string, list: FixtureStatement[]) {
  const statements = list.map((st, i) => ({
    id: st.id,
    docId,
    ordinal: i + 1,
    kind: st.kind ?? "provision",
    area: st.area,
    subNeed: st.subNeed ?? null,
    subNeedLabel: st.subNeed === "ASD" ? "Autism" : null,
    tierOrdinal: st.tier ?? null,
    tierLabel: st.tier ? scheme[st.tier - 1]!.label : null,
    canonicalTier: (st.tier ? scheme[st.tier - 1]!.canonical : null) as (typeof s.CANONICAL_TIERS)[number] | null,
    phases: st.phases ?? [],
    headingPath: [heading, st.area],
    textRaw: st.text,
    textNorm: st.text.toLowerCase(),
    locator: { url: `https://fixture.invalid/${docId}`, page: 1 + Math.floor(i / 4) },
    extractionMethod: "html_list" as const,
    confidence: 0.9,
    firstSeen: RETRIEVED,
    lastSeen: RETRIEVED,
  }));
  const parts = list.flatMap((st) =>
    (st.items?.length ? st.items : [null]).map((itemId, i) => ({
      statementId: st.id,
      ordinal: i + 1,
      text: st.text,
      itemId,
      method: itemId ? ("rule" as const) : null,
      score: itemId ? 0.92 : null,
    })),
  );
  return { statements, parts };
}

/** D1 allows 100 bound parameters a statement, so multi-row inserts go in slices. */
function sliced<T extends Record<string, unknown>>(rows: T[]): T[][] {
  const size = Math.max(1, Math.floor(100 / Object.keys(rows[0] ?? { x: 1 }).length));
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
}

export async function loadOapFixture(d1: D1Database, modifiedAt = RETRIEVED): Promise<void> {
  const db = drizzle(d1, { schema: s });
  const doc = (id: string, title: string, status: "final" | "superseded", scheme: string | null, sha: string) => ({
    id,
    title,
    docFamily: "oap",
    status,
    url: `https://fixture.invalid/${id}`,
    finalUrl: `https://fixture.invalid/${id}`,
    retrievedAt: RETRIEVED,
    sha256: sha,
    contentType: "html",
    adapter: "generic",
    method: "fixture" as const,
    licence: "unknown",
    phases: ["EY", "KS1", "KS2", "KS3", "KS4"],
    tierSchemeId: scheme,
    extractionStatus: "ok" as const,
    firstSeen: RETRIEVED,
    lastSeen: RETRIEVED,
    modifiedAt,
  });
  const snapshot = (sha: string, id: string) => ({
    sha256: sha,
    url: `https://fixture.invalid/${id}`,
    finalUrl: `https://fixture.invalid/${id}`,
    retrievedAt: RETRIEVED,
    httpStatus: 200,
    contentType: "html",
    bytes: 1000,
    storageKey: sha,
  });

  const threeTier = [
    { label: "Everyone", canonical: "universal" },
    { label: "Some", canonical: "targeted" },
    { label: "Few", canonical: "specialist" },
  ];
  const twoTier = [
    { label: "Quality first teaching", canonical: "universal" },
    { label: "SEN support", canonical: "targeted" },
  ];

  const camden = statementRows("fx-camden-2025", threeTier, "Invented guide", [
    { id: "fx-cam-01", area: "WS", text: "Each class shows a visual timetable and refers to it through the day.", items: ["visual_timetable"] },
    { id: "fx-cam-02", area: "WS", text: "Staff give instructions in short steps and check they were understood.", items: ["chunked_instructions"] },
    { id: "fx-cam-03", area: "CI", tier: 1, text: "Use now-and-next boards for pupils who find changes hard.", items: ["now_next_board"], phases: ["KS1", "KS2"] },
    { id: "fx-cam-04", area: "CI", tier: 2, subNeed: "ASD", text: "Prepare pupils for new situations with social stories, e.g. before a trip or a supply teacher.", items: ["social_stories"] },
    { id: "fx-cam-05", area: "CI", kind: "need_descriptor", text: "May find it hard to follow spoken instructions given to the whole class." },
    { id: "fx-cam-06", area: "CL", tier: 1, text: "Offer coloured overlays or tinted paper where a pupil finds it helps.", items: ["coloured_overlays"] },
    { id: "fx-cam-07", area: "CL", tier: 2, text: "Run a short reading intervention with a clear start and end and check progress.", items: ["literacy_intervention"], phases: ["KS2", "KS3"] },
    { id: "fx-cam-08", area: "SEMH", tier: 1, text: "Agree a calm space that a pupil can use when upset.", items: ["safe_space"] },
    { id: "fx-cam-09", area: "SEMH", tier: 2, text: "Weekly ELSA sessions for pupils who need help with worries or friendships.", items: ["elsa"] },
    { id: "fx-cam-10", area: "SP", tier: 3, text: "Arrange a radio aid with advice from the hearing support team.", items: ["radio_aid"] },
    { id: "fx-cam-11", area: "SP", tier: 1, text: "Seat pupils with a hearing or sight need where they can see the teacher's face \"clearly\"." },
  ]);
  const camdenOld = statementRows("fx-camden-2019", threeTier, "Old invented guide", [
    { id: "fx-cam-old-01", area: "WS", text: "An old statement from the superseded guide about timetables.", items: ["visual_timetable"] },
  ]);
  const barnsley = statementRows("fx-barnsley-2024", twoTier, "Invented toolkit", [
    { id: "fx-bar-01", area: "CL", tier: 1, text: "Coloured paper for worksheets when a pupil asks for it.", items: ["coloured_overlays"] },
    { id: "fx-bar-02", area: "CL", tier: 2, text: "A phonics catch-up programme three times a week.", items: ["literacy_intervention"] },
    { id: "fx-bar-03", area: "CL", tier: 1, text: "Word mats and number lines on every table." },
  ]);
  const shared = statementRows("fx-shared-2025", twoTier, "Invented shared offer", [
    { id: "fx-sh-01", area: "SEMH", tier: 1, text: "A quiet space is available in every school.", items: ["safe_space"] },
  ]);

  const writes: BatchItem<"sqlite">[] = [
    ...sliced(VOCABULARY.map(({ synonyms: _, ...item }) => item)).map((rows) => db.insert(s.provisionItems).values(rows)),
    ...sliced(VOCABULARY.flatMap((item) => item.synonyms.map((synonym) => ({ itemId: item.id, synonym, matchKind: "phrase" as const })))).map((rows) =>
      db.insert(s.provisionItemSynonyms).values(rows),
    ),
    db.insert(s.tierSchemes).values([
      { id: "fx-three", name: "Everyone / Some / Few", cumulative: true, notes: "Invented for tests." },
      { id: "fx-two", name: "Quality first teaching / SEN support", cumulative: false, notes: "Invented for tests." },
    ]),
    db.insert(s.tiers).values([
      ...threeTier.map((t, i) => ({ schemeId: "fx-three", ordinal: i + 1, label: t.label, canonicalTier: t.canonical as "universal", withinOap: i < 2, description: `Invented tier ${i + 1}.` })),
      ...twoTier.map((t, i) => ({ schemeId: "fx-two", ordinal: i + 1, label: t.label, canonicalTier: t.canonical as "universal", withinOap: i === 0, description: `Invented tier ${i + 1}.` })),
    ]),
    db.insert(s.oapSources).values([
      { id: "202-1", laCode: "202", status: "found", title: "Invented guide", landingUrl: "https://fixture.invalid/camden", format: "html", lastCheckedAt: "2026-11-21T08:00:00.000Z", lastOutcome: "ok" },
      { id: "370-1", laCode: "370", status: "found", title: "Invented toolkit", landingUrl: "https://fixture.invalid/barnsley", format: "pdf", lastCheckedAt: "2026-11-21T08:00:00.000Z", lastOutcome: "ok" },
      { id: "314-1", laCode: "314", status: "found", title: "Invented shared offer", landingUrl: "https://fixture.invalid/shared", format: "html", lastCheckedAt: "2026-11-21T08:00:00.000Z", lastOutcome: "ok" },
      { id: "318-1", laCode: "318", status: "shared", sharedWith: "Kingston upon Thames", sharedSourceId: "314-1", format: "html" },
      { id: "201-1", laCode: "201", status: "not_found_yet", format: "unknown", lastCheckedAt: "2026-11-21T08:00:00.000Z", lastOutcome: "failed" },
    ]),
    db.insert(s.snapshots).values([snapshot("a".repeat(64), "fx-camden-2025"), snapshot("b".repeat(64), "fx-camden-2019"), snapshot("c".repeat(64), "fx-barnsley-2024"), snapshot("d".repeat(64), "fx-shared-2025")]),
    ...sliced([
      { ...doc("fx-camden-2025", "Invented guide to ordinarily available provision", "final", "fx-three", "a".repeat(64)), sourceId: "202-1", versionLabel: "Version 2" },
      { ...doc("fx-camden-2019", "Old invented guide", "superseded", "fx-three", "b".repeat(64)), sourceId: "202-1" },
      { ...doc("fx-barnsley-2024", "Invented toolkit", "final", "fx-two", "c".repeat(64)), sourceId: "370-1" },
      { ...doc("fx-shared-2025", "Invented shared offer", "final", "fx-two", "d".repeat(64)), sourceId: "314-1" },
    ]).map((rows) => db.insert(s.documents).values(rows)),
    db.insert(s.documentDates).values([
      { docId: "fx-camden-2025", kind: "published", value: "2025-02", precision: "month", source: "page_text", evidence: "Published February 2025" },
      { docId: "fx-camden-2025", kind: "next_review", value: "2026-03", precision: "month", source: "page_text", evidence: "Next review date: March 2026" },
      { docId: "fx-camden-2019", kind: "published", value: "2019", precision: "year", source: "title", evidence: "Old invented guide 2019" },
    ]),
    db.insert(s.documentLas).values([
      { docId: "fx-camden-2025", laCode: "202", role: "publisher" },
      { docId: "fx-camden-2019", laCode: "202", role: "publisher" },
      { docId: "fx-barnsley-2024", laCode: "370", role: "publisher" },
      { docId: "fx-shared-2025", laCode: "314", role: "joint_publisher" },
      { docId: "fx-shared-2025", laCode: "318", role: "joint_publisher" },
    ]),
    ...sliced([...camden.statements, ...camdenOld.statements, ...barnsley.statements, ...shared.statements]).map((rows) => db.insert(s.statements).values(rows)),
    ...sliced([...camden.parts, ...camdenOld.parts, ...barnsley.parts, ...shared.parts]).map((rows) => db.insert(s.statementParts).values(rows)),
  ];
  await db.batch(writes as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
}
