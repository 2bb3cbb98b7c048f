import { createRoute, z } from "@hono/zod-openapi";
import { requireJsonBody } from "../../lib/json-body";
import { jsonContent, problemResponses } from "../../lib/responses";
import { AREA_CODES, AREA_LABELS } from "../../lib/send-terms";
import { baselineQuery, CoverageSchema } from "../baselines/baselines.routes";

const NEED_AREA_CODES = AREA_CODES.filter((a) => a !== "WS") as ["CI", "CL", "SEMH", "SP"];
export const MAX_LINES = 200;

export const GapCheckRequestSchema = z
  .strictObject({
    la: z.string().min(1).max(64).optional().openapi({ description: "The LA: DfE code, GSS code (current or former) or slug. Give this or `school_urn`.", example: "camden" }),
    school_urn: z.number().int().min(1).max(99_999_999).optional().openapi({ description: "A school's URN; its LA's guide is used. Give this or `la`.", example: 100000 }),
    areas: z
      .array(z.enum(NEED_AREA_CODES))
      .min(1, { error: "Choose at least one area of need." })
      .max(4)
      .openapi({ description: "Areas of need: CI, CL, SEMH, SP. What the guide expects for every pupil (WS) is always included.", example: ["CI"] }),
    phase: baselineQuery.shape.phase,
    receives: z
      .array(z.string().max(1000))
      .max(MAX_LINES)
      .default([])
      .openapi({ description: "What the child gets, one item per line, in any words. Blank lines are skipped.", example: ["Visual timetable on her desk", "Ear defenders in assembly", "Lego club at lunchtime"] }),
    item_ids: z
      .array(z.string().min(1).max(100))
      .max(500)
      .default([])
      .openapi({ description: "Vocabulary item ids (see /v1/provisions) the child gets, when already known.", example: ["now_and_next_board"] }),
  })
  .superRefine((body, ctx) => {
    if ((body.la === undefined) === (body.school_urn === undefined)) {
      ctx.addIssue({ code: "custom", path: ["la"], message: "Give either la or school_urn (one of them, not both)." });
    }
  })
  .openapi("GapCheckRequest");

const link = (example: string) => z.object({ href: z.string().max(2048).openapi({ format: "uri-reference", example }) });
const AreaSchema = z.enum(AREA_CODES);

const ExpectedEntrySchema = z.object({
  key: z.string().max(600).openapi({ description: "`item:<vocabulary id>`, or `statement:<id>` for a sentence of the guide that matches no vocabulary item", example: "item:visual_timetable" }),
  item_id: z.string().max(500).nullable(),
  label: z.string().max(20000),
  area: AreaSchema,
  area_label: z.string().max(500),
  tier_labels: z.array(z.string().max(500)).max(50).openapi({ description: "The LA's own tier labels where the guide places it" }),
  guidance: z.array(z.string().max(20000)).max(1000).openapi({ description: "The guide's own sentences behind the item" }),
  statement_ids: z.array(z.string().max(500)).max(1000),
});

export const GapCheckResultSchema = z
  .object({
    local_authority: z.object({ la_code: z.string().max(3), name: z.string().max(500), slug: z.string().max(100), _links: z.object({ self: link("/v1/local-authorities/202"), baseline: link("/v1/local-authorities/202/baseline") }) }),
    school: z.object({ urn: z.number().int().min(1).max(99_999_999), name: z.string().max(500), _links: z.object({ self: link("/v1/schools/100000") }) }).nullable(),
    areas: z.array(AreaSchema).max(5).openapi({ description: "The areas checked, with WS (every pupil) added" }),
    phase: z.string().max(20).nullable(),
    coverage: CoverageSchema,
    summary: z.object({
      expected: z.number().int().min(0).max(2147483647),
      covered: z.number().int().min(0).max(2147483647),
      not_covered: z.number().int().min(0).max(2147483647),
      unmatched_lines: z.number().int().min(0).max(2147483647),
      text: z.string().max(20000).openapi({ description: "The result in plain English, for a parent" }),
    }),
    not_covered: z
      .array(ExpectedEntrySchema.extend({ question: z.string().max(20000).openapi({ description: "A question to ask the school" }) }))
      .max(100000)
      .openapi({ description: "Expected support that nothing sent covers" }),
    covered: z
      .array(
        ExpectedEntrySchema.extend({
          ticked: z.boolean().openapi({ description: "Sent in `item_ids`" }),
          matched_lines: z
            .array(z.object({ line: z.number().int().min(0).max(MAX_LINES), text: z.string().max(1000), fragment: z.string().max(1000), score: z.number().min(0).max(1) }))
            .max(MAX_LINES)
            .openapi({ description: "The lines of `receives` that matched it (line numbers from 0), the words that matched, and how closely" }),
        }),
      )
      .max(100000),
    unmatched_lines: z
      .array(
        z.object({
          line: z.number().int().min(0).max(MAX_LINES),
          text: z.string().max(1000),
          other_items: z.array(z.object({ id: z.string().max(500), label: z.string().max(500) })).max(200).openapi({ description: "Vocabulary items the line names that the guide does not list for these areas" }),
          note: z.string().max(2000),
        }),
      )
      .max(MAX_LINES),
    _links: z.object({ meeting_checklist: link("/meeting-checklist?la=camden&area=CI&gap=item%3Avisual_timetable").openapi({ description: "A printable checklist of the gaps, for a meeting with the school" }) }),
  })
  .openapi("GapCheckResult");

export const gapCheck = createRoute({
  method: "post",
  path: "/v1/gap-check",
  operationId: "checkGaps",
  tags: ["Baselines"],
  summary: "Check a child's support against the LA's guide",
  description:
    "Compares the support a child gets (free-text lines and/or vocabulary ids) with what the LA's guide expects schools to give from their own budget for the chosen areas of need " +
    `(${NEED_AREA_CODES.map((a) => `${a}: ${AREA_LABELS[a]}`).join("; ")}), plus what it expects for every pupil. ` +
    "Returns the expected support not covered, with a question to ask for each; what is covered, with the line that matched; and lines that matched nothing. " +
    "Read `coverage` first: where it is not `complete`, a gap may only mean we have not collected that part of the guide. Nothing sent is stored.",
  middleware: [requireJsonBody] as const,
  request: { body: { required: true, content: { "application/json": { schema: GapCheckRequestSchema } } } },
  responses: { 200: jsonContent(GapCheckResultSchema, "The gap check"), ...problemResponses(400, 415, 422) },
});

export type GapCheckRoute = typeof gapCheck;
