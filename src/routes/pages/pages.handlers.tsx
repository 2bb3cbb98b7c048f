/** The lookup pages: home, search results, LA, area of need and school. */
import type { Context } from "hono";
import { accepts } from "hono/accepts";
import { database } from "../../db/client";
import { findLocalAuthority, listLocalAuthorities } from "../../db/queries/local-authorities";
import { latestReportForSchool } from "../../db/queries/reports";
import { listSchools } from "../../db/queries/schools";
import type { AppBindings } from "../../env";
import { parsePostcodeQuery } from "../../lib/postcode";
import { ApiError } from "../../lib/problem";
import { foldText } from "../../lib/text";
import { AreaPage, STAGES, type Stage } from "../../pages/area";
import { areaFromSlug } from "../../pages/baseline-views";
import { FindPage, type FoundLa } from "../../pages/find";
import { HomePage } from "../../pages/home";
import type { AnalysisResult } from "../../analyser/result";
import { LaPage } from "../../pages/la";
import { SchoolPage } from "../../pages/school";
import { buildBaseline } from "../baselines/build-baseline";
import { requireLocalAuthority, requireSchool } from "../resolve";
import { siteOf } from "./render";

type PageContext = Context<AppBindings>;

const MAX_QUERY_LENGTH = 100;
const SHOWN_RESULTS = 20;
/** Enough schools in one outward code to find every council it touches. */
const POSTCODE_SCHOOLS = 200;

/** `GET /` answers JSON to API clients and the home page to browsers (`Vary: Accept`). */
export async function home(c: PageContext, next: () => Promise<void>) {
  const wanted = accepts(c, { header: "Accept", supports: ["application/json", "text/html"], default: "application/json" });
  // httpCache adds `Vary: Accept` to both answers.
  if (wanted !== "text/html") return next();
  return c.html(<HomePage site={siteOf(c)} />);
}

/** A query parameter that must be one of a few values, refused with a clear error otherwise. */
export function stageOf(value: string | undefined): Stage {
  const stage = STAGES.find((s) => s.value === (value ?? ""));
  if (!stage) throw new ApiError("validation_failed", "That school stage is not one we know. Choose a stage from the list.");
  return stage.value;
}

export async function find(c: PageContext) {
  const query = (c.req.query("q") ?? "").trim();
  const site = siteOf(c);
  const refuse = (message: string) => c.html(<HomePage site={site} query={query} errors={[{ field: "q", message }]} />, 400);
  if (!query) return refuse("Enter the name of a council or school, or a postcode");
  if (query.length > MAX_QUERY_LENGTH) return refuse(`Enter ${MAX_QUERY_LENGTH} characters or fewer`);

  const db = database(c.env.DB);
  const postcode = parsePostcodeQuery(query);
  if (postcode) {
    const outward = postcode.kind === "outward" ? postcode.outward : postcode.compact.slice(0, -3);
    const { rows, total } = await listSchools(db, { postcode: { kind: "outward", outward } }, POSTCODE_SCHOOLS, 0);
    const codes = [...new Set(rows.map((r) => r.laCode))];
    const las = (await Promise.all(codes.map((code) => findLocalAuthority(db, code)))).filter((la) => la !== null);
    return c.html(
      <FindPage
        site={site}
        query={query}
        postcode={outward}
        las={las.map(toFoundLa).sort((a, b) => a.name.localeCompare(b.name))}
        schools={rows.slice(0, SHOWN_RESULTS)}
        schoolsTotal={total}
      />,
    );
  }
  const nameFolded = foldText(query);
  if (!nameFolded) return refuse("Enter some letters or numbers");
  const [las, schools] = await Promise.all([listLocalAuthorities(db, { nameFolded }, SHOWN_RESULTS, 0), listSchools(db, { nameFolded }, SHOWN_RESULTS, 0)]);
  return c.html(<FindPage site={site} query={query} postcode={null} las={las.rows.map(toFoundLa)} schools={schools.rows} schoolsTotal={schools.total} />);
}

function toFoundLa(la: { name: string; slug: string; regionName: string }): FoundLa {
  return { name: la.name, slug: la.slug, regionName: la.regionName };
}

export async function laPage(c: PageContext) {
  const db = database(c.env.DB);
  const la = await requireLocalAuthority(db, c.req.param("code")!);
  const { body } = await buildBaseline(db, c.env, la, {});
  return c.html(<LaPage site={siteOf(c)} regionName={la.regionName} baseline={body} />);
}

export async function areaPage(c: PageContext) {
  const area = areaFromSlug(c.req.param("area")!);
  if (!area) throw new ApiError("not_found", "No such area of need.");
  const stage = stageOf(c.req.query("stage"));
  const db = database(c.env.DB);
  const la = await requireLocalAuthority(db, c.req.param("code")!);
  const { body } = await buildBaseline(db, c.env, la, { area: [area], ...(stage ? { phase: stage } : {}) });
  return c.html(<AreaPage site={siteOf(c)} area={area} stage={stage} baseline={body} />);
}

export async function schoolPage(c: PageContext) {
  const urn = Number(c.req.param("urn"));
  if (!Number.isSafeInteger(urn) || urn <= 0) throw new ApiError("not_found", "No such school.");
  const db = database(c.env.DB);
  const school = await requireSchool(db, urn);
  const [{ body }, stored] = await Promise.all([
    buildBaseline(db, c.env, { laCode: school.laCode, name: school.laName, slug: school.laSlug }, {}),
    latestReportForSchool(db, urn),
  ]);
  const report = stored ? { url: stored.finalUrl ?? stored.url, analysedAt: stored.analysedAt, analysis: stored.result as AnalysisResult } : null;
  return c.html(<SchoolPage site={siteOf(c)} school={school} baseline={body} report={report} />);
}
