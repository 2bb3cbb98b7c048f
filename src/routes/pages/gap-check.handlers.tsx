/** The gap check: every step is a GET, so it works without scripts and can be bookmarked. */
import type { Context } from "hono";
import { database } from "../../db/client";
import { findLocalAuthority, listLocalAuthorities } from "../../db/queries/local-authorities";
import type { AppBindings } from "../../env";
import { ApiError } from "../../lib/problem";
import type { AreaCode } from "../../lib/send-terms";
import type { FormError } from "../../pages/components";
import { checkGaps } from "../../gap-check/check-gaps";
import { expectedSupport, vocabularyMatcher } from "../../gap-check/load";
import { GapChoosePage, GapItemsPage, GapResultPage, MAX_RECEIVES_CHARS, NEED_AREAS, type GapChoice } from "../../pages/gap-check";
import { stageOf } from "./pages.handlers";
import { siteOf } from "./render";

type PageContext = Context<AppBindings>;

const NEED_AREA_CODES: readonly string[] = NEED_AREAS.map((a) => a.code);

export function needAreasOf(values: string[]): AreaCode[] {
  const unknown = values.filter((v) => !NEED_AREA_CODES.includes(v));
  if (unknown.length) throw new ApiError("validation_failed", "That area of need is not one we know. Choose areas from the list.");
  return [...new Set(values)] as AreaCode[];
}

export function schoolOf(value: string | undefined): number | null {
  if (value === undefined || value === "") return null;
  const urn = Number(value);
  if (!Number.isSafeInteger(urn) || urn <= 0) throw new ApiError("validation_failed", "The school number in the address is not a valid URN.");
  return urn;
}

export async function gapCheck(c: PageContext) {
  const site = siteOf(c);
  const step = c.req.query("step");
  const laParam = (c.req.query("la") ?? "").trim();
  const stage = stageOf(c.req.query("stage"));
  const areas = needAreasOf(c.req.queries("area") ?? []);
  const school = schoolOf(c.req.query("school"));
  const db = database(c.env.DB);

  const la = laParam ? await findLocalAuthority(db, laParam) : null;
  const errors: FormError[] = [];
  if (step && step !== "choose") {
    if (!laParam) errors.push({ field: "la", message: "Choose your council" });
    else if (!la) errors.push({ field: "la", message: "Choose a council from the list" });
    if (!areas.length) errors.push({ field: "area-CI", message: "Choose at least one area of need" });
  }
  const ready = la !== null && areas.length > 0;
  if (errors.length || step === "choose" || !ready) {
    const { rows } = await listLocalAuthorities(db, {}, 200, 0);
    return c.html(
      <GapChoosePage site={site} las={rows} la={la?.slug ?? laParam} stage={stage} areas={areas} school={school} errors={errors} />,
      errors.length ? 400 : 200,
    );
  }

  const choice: GapChoice = { la: la.slug, stage, areas, school };
  const needAreas = areas.filter((a): a is Exclude<AreaCode, "WS"> => a !== "WS");
  const { baseline, entries } = await expectedSupport(db, c.env, la, needAreas, stage || null);
  const known = new Set(entries.map((e) => e.key));
  const have = (c.req.queries("have") ?? []).filter((key) => known.has(key));
  const receives = (c.req.query("receives") ?? "").trim();
  if (receives.length > MAX_RECEIVES_CHARS) {
    const tooLong = [{ field: "receives", message: `Shorten what you wrote to ${MAX_RECEIVES_CHARS} characters or fewer` }];
    return c.html(<GapItemsPage site={site} baseline={baseline} entries={entries} choice={choice} have={new Set(have)} receives={receives} errors={tooLong} />, 400);
  }
  if (step === "result") {
    const result = checkGaps(entries, { ticked: new Set(have), lines: receives.split(/\r?\n/) }, await vocabularyMatcher(db, c.env));
    return c.html(<GapResultPage site={site} baseline={baseline} entries={entries} result={result} choice={choice} have={have} receives={receives} />);
  }
  return c.html(<GapItemsPage site={site} baseline={baseline} entries={entries} choice={choice} have={new Set(have)} receives={receives} errors={[]} />);
}
