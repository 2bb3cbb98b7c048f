import { database } from "../../db/client";
import { findLocalAuthority } from "../../db/queries/local-authorities";
import { findSchool } from "../../db/queries/schools";
import { checkGaps } from "../../gap-check/check-gaps";
import { itemKey, type ExpectedEntry } from "../../gap-check/expected-provision";
import { expectedSupport, vocabularyMatcher } from "../../gap-check/load";
import { gapQuestion, gapSummary, UNMATCHED_LINE_NOTE } from "../../gap-check/wording";
import type { AppRouteHandler } from "../../lib/create-router";
import type { FieldErrors } from "../../lib/problem";
import { invalidBodyFields } from "../../lib/validation";
import { AREA_LABELS } from "../../lib/send-terms";
import { STAGES } from "../../pages/area";
import { choiceQuery } from "../../pages/gap-check";
import type { GapCheckRoute } from "./gap-check.routes";

const entryView = (entry: ExpectedEntry) => ({
  key: entry.key,
  item_id: entry.itemId,
  label: entry.label,
  area: entry.area,
  area_label: AREA_LABELS[entry.area],
  tier_labels: entry.tierLabels,
  guidance: entry.wording,
  statement_ids: entry.statementIds,
});

export const gapCheck: AppRouteHandler<GapCheckRoute> = async (c) => {
  const body = c.req.valid("json");
  const db = database(c.env.DB);

  const school = body.school_urn === undefined ? null : await findSchool(db, body.school_urn);
  if (body.school_urn !== undefined && !school) {
    throw invalidBodyFields({ school_urn: [{ message: `No school has the URN ${body.school_urn}.`, code: "not_found" }] });
  }
  const la = school ? { laCode: school.laCode, name: school.laName, slug: school.laSlug } : await findLocalAuthority(db, body.la!);
  if (!la) throw invalidBodyFields({ la: [{ message: `No local authority matches "${body.la}". Use a DfE code (201), a GSS code (E09000001) or a slug (camden).`, code: "not_found" }] });

  const areas = [...new Set(body.areas)];
  const [matcher, { baseline, entries }] = await Promise.all([vocabularyMatcher(db, c.env), expectedSupport(db, c.env, la, areas, body.phase ?? null)]);
  const known = new Set(matcher.items.map((item) => item.id));
  const unknownIds: FieldErrors = {};
  body.item_ids.forEach((id, i) => {
    if (!known.has(id)) unknownIds[`item_ids[${i}]`] = [{ message: `"${id}" is not a vocabulary item id; see /v1/provisions.`, code: "not_found" }];
  });
  if (Object.keys(unknownIds).length) throw invalidBodyFields(unknownIds);

  const result = checkGaps(entries, { ticked: new Set(body.item_ids.map(itemKey)), lines: body.receives }, matcher);

  // The page's stages are coarser than the API's phases; a finer phase just widens the checklist's lookup.
  const stage = STAGES.find((s) => s.value === body.phase)?.value ?? "";
  const checklist = choiceQuery({ la: la.slug, stage, areas, school: school?.urn ?? null });
  for (const entry of result.notCovered) checklist.append("gap", entry.key);

  return c.json(
    {
      local_authority: {
        la_code: la.laCode,
        name: la.name,
        slug: la.slug,
        _links: { self: { href: `/v1/local-authorities/${la.laCode}` }, baseline: { href: `/v1/local-authorities/${la.laCode}/baseline` } },
      },
      school: school ? { urn: school.urn, name: school.name, _links: { self: { href: `/v1/schools/${school.urn}` } } } : null,
      areas: ["WS" as const, ...areas],
      phase: body.phase ?? null,
      coverage: baseline.coverage,
      summary: {
        expected: entries.length,
        covered: result.covered.length,
        not_covered: result.notCovered.length,
        unmatched_lines: result.unmatchedLines.length,
        text: gapSummary(result, la.name, areas),
      },
      not_covered: result.notCovered.map((entry) => ({ ...entryView(entry), question: gapQuestion(entry, la.name) })),
      covered: result.covered.map(({ entry, ticked, lines }) => ({ ...entryView(entry), ticked, matched_lines: lines })),
      unmatched_lines: result.unmatchedLines.map((line) => ({
        line: line.line,
        text: line.text,
        other_items: line.otherItems.map((item) => ({ id: item.itemId, label: item.label })),
        note: UNMATCHED_LINE_NOTE,
      })),
      _links: { meeting_checklist: { href: `/meeting-checklist?${checklist}` } },
    },
    200,
  );
};
