/** The gap check: every step is a GET, so it works without scripts and can be bookmarked. */
import type { Context } from "hono";
import { database } from "../../db/client";
import { findLocalAuthority, listLocalAuthorities } from "../../db/queries/local-authorities";
import type { AppBindings } from "../../env";
import { ApiError } from "../../lib/problem";
import type { AreaCode } from "../../lib/send-terms";
import type { FormError } from "../../pages/components";
import { expectedProvision } from "../../pages/expected-provision";
import { GapChoosePage, GapItemsPage, GapResultPage, NEED_AREAS, type GapChoice } from "../../pages/gap-check";
import { buildBaseline } from "../baselines/build-baseline";
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
  const { statements, body } = await buildBaseline(db, c.env, la, { area: ["WS", ...areas], within_oap: true, ...(stage ? { phase: stage } : {}) });
  const entries = expectedProvision(statements);
  const known = new Set(entries.map((e) => e.key));
  const have = (c.req.queries("have") ?? []).filter((key) => known.has(key));
  if (step === "result") {
    const ticked = new Set(have);
    const gaps = entries.filter((e) => !ticked.has(e.key));
    return c.html(<GapResultPage site={site} baseline={body} entries={entries} gaps={gaps} choice={choice} have={have} />);
  }
  return c.html(<GapItemsPage site={site} baseline={body} entries={entries} choice={choice} have={new Set(have)} />);
}
