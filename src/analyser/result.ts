/**
 * The analysis result as a zod schema: the API validates nothing against it at run time, but
 * exports it in the OpenAPI document, and the types below are inferred from it so the
 * analyser, the routes and the CLI agree on one shape.
 */
import { z } from "@hono/zod-openapi";
import { ITEM_IDS, type ItemId } from "./rubric";
import { SCORE_FORMULA } from "./score";

export const ITEM_STATUSES = ["present", "vague", "missing", "not_required"] as const;

export const EvidenceSchema = z
  .object({
    quote: z.string().max(20000).openapi({ description: "The sentence, as it reads in the report (emails and phone numbers removed in stored analyses)." }),
    start: z.number().int().min(0).max(2147483647).nullable().openapi({ description: "Character offset of the quote in the analysed text (blocks joined by new lines); null when found outside the main content." }),
    end: z.number().int().min(0).max(2147483647).nullable(),
    heading_path: z.array(z.string().max(1000)).max(20).openapi({ description: "The headings the quote sits under, outermost first.", example: ["SEN Information Report", "What extra help is available?"] }),
    page: z.number().int().min(1).max(100000).optional().openapi({ description: "PDF page number." }),
    source_url: z.string().max(2048).optional().openapi({ description: "The page the quote came from, for reports spread over several pages." }),
  })
  .openapi("ReportEvidence");

export const ItemResultSchema = z
  .object({
    id: z.enum(ITEM_IDS),
    name: z.string().max(100).openapi({ example: "additional_support" }),
    title: z.string().max(500).openapi({ example: "Additional support for learning available to pupils with SEN" }),
    legal_source: z.string().max(500).openapi({ example: "SEND Regulations 2014, Schedule 1 para 3(e)" }),
    requirement: z.enum(["must", "should", "good"]),
    status: z.enum(ITEM_STATUSES),
    confidence: z.number().min(0).max(1).openapi({ description: "How sure the rules are of the status, from 0 to 1 (a heuristic, not a calibrated probability).", example: 0.78 }),
    reasons: z.array(z.string().max(2000)).max(20).openapi({ example: ["no named interventions or programmes, how often and how long they run, or the group sizes"] }),
    evidence: z.array(EvidenceSchema).max(10),
    question: z.string().max(1000).nullable().openapi({ description: "For a missing or vague item, a question a parent can ask the SENCO.", example: "Which interventions or programmes do you run, how often and for how long, in what group sizes, and who leads them?" }),
  })
  .openapi("ReportItemResult");

const count = z.number().int().min(0).max(ITEM_IDS.length);

const DateSchema = z
  .object({
    date: z.string().max(10).openapi({ format: "date", example: "2025-09-15" }),
    precision: z.enum(["day", "month", "year"]),
    quote: z.string().max(500).openapi({ example: "Published: 15 September 2025" }),
  })
  .nullable();

export const AnalysisResultSchema = z
  .object({
    analyser_version: z.string().max(20).openapi({ example: "1.0.0" }),
    as_of: z.string().max(10).openapi({ format: "date", description: "The date the report was judged at (staleness is measured from it).", example: "2026-03-01" }),
    redacted: z.boolean().openapi({ description: "True when emails and phone numbers have been removed from quotes." }),
    document: z.object({
      title: z.string().max(1000).nullable(),
      school_type: z.enum(["mainstream", "special"]).openapi({ description: "Special schools are not required to publish K02 and K04." }),
      phase: z.enum(["primary", "secondary"]).openapi({ description: "Secondary covers any school teaching pupils aged 14 or over, where preparing for adulthood is expected." }),
      words: z.number().int().min(0).max(2147483647),
      sentences: z.number().int().min(0).max(2147483647),
      report_date: DateSchema,
      review_date: DateSchema,
      stale: z.boolean().nullable().openapi({ description: "Older than 12 months at `as_of` and past any review date; null when undated." }),
      flesch_reading_ease: z.number().nullable().openapi({ description: "Flesch reading ease of the text (60 and over reads as plain English).", example: 52.4 }),
      outdated_terms: z
        .array(
          z.object({
            term: z.string().max(200),
            note: z.string().max(500),
            quote: z.string().max(20000),
            start: z.number().int().min(0).max(2147483647),
            end: z.number().int().min(0).max(2147483647),
          }),
        )
        .max(20),
      hedged_sentence_share: z.number().openapi({ description: "Share of sentences with hedged or aspirational wording (\"where possible\", \"may\", \"aim to\")." }),
      generic_sentence_share: z.number().openapi({ description: "Share of sentences that are generic statements with no specific detail." }),
    }),
    score: z.object({
      value: z.number().int().min(0).max(100).openapi({ example: 74 }),
      formula: z.string().max(1000).openapi({ example: SCORE_FORMULA }),
      counts: z.object({ present: count, vague: count, missing: count, not_required: count }),
    }),
    items: z.object(Object.fromEntries(ITEM_IDS.map((id) => [id, ItemResultSchema])) as Record<ItemId, typeof ItemResultSchema>),
    questions: z
      .array(z.object({ item: z.enum(ITEM_IDS), question: z.string().max(1000) }))
      .max(ITEM_IDS.length)
      .openapi({ description: "Questions for the SENCO, one for each missing or vague item, statutory items first." }),
  })
  .openapi("ReportAnalysis");

export type AnalysisResult = z.infer<typeof AnalysisResultSchema>;
export type ItemResult = z.infer<typeof ItemResultSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
