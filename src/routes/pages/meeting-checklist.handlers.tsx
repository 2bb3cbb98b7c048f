/** The meeting checklist: the gaps from a gap check plus the practical steps, as a page or a text file. */
import type { Context } from "hono";
import { database } from "../../db/client";
import type { AppBindings } from "../../env";
import { AREA_LABELS } from "../../lib/send-terms";
import { choiceQuery } from "../../pages/gap-check";
import { expectedSupport } from "../../gap-check/load";
import { MeetingChecklistPage } from "../../pages/meeting-checklist";
import { meetingChecklistText, type ChecklistGap } from "../../pages/meeting-steps";
import { requireLocalAuthority, requireSchool } from "../resolve";
import { needAreasOf, schoolOf } from "./gap-check.handlers";
import { stageOf } from "./pages.handlers";
import { siteOf } from "./render";

export async function meetingChecklist(c: Context<AppBindings>) {
  const db = database(c.env.DB);
  const laParam = c.req.query("la");
  const stage = stageOf(c.req.query("stage"));
  const areas = needAreasOf(c.req.queries("area") ?? []);
  const schoolUrn = schoolOf(c.req.query("school"));
  const wanted = new Set(c.req.queries("gap") ?? []);

  const la = laParam ? await requireLocalAuthority(db, laParam) : null;
  const school = schoolUrn === null ? null : await requireSchool(db, schoolUrn);
  let gaps: ChecklistGap[] = [];
  let query = "";
  let dropped = wanted.size;
  if (la) {
    // The gaps are looked up again from the guide, so the checklist only ever shows the guide's words.
    const { entries } = await expectedSupport(db, c.env, la, areas.filter((a) => a !== "WS"), stage || null);
    const found = entries.filter((entry) => wanted.has(entry.key));
    gaps = found.map((entry) => ({ label: entry.label, area: AREA_LABELS[entry.area], wording: entry.wording }));
    const params = choiceQuery({ la: la.slug, stage, areas, school: schoolUrn });
    for (const entry of found) params.append("gap", entry.key);
    query = params.toString();
    dropped = wanted.size - found.length;
  }
  const content = { laName: la?.name ?? null, schoolName: school?.name ?? null, gaps };

  if (c.req.query("format") === "text") {
    c.header("Content-Disposition", 'attachment; filename="meeting-checklist.txt"');
    return c.body(meetingChecklistText(content), 200, { "Content-Type": "text/plain; charset=utf-8" });
  }
  return c.html(<MeetingChecklistPage site={siteOf(c)} {...content} laSlug={la?.slug ?? null} query={query} dropped={dropped} />);
}
