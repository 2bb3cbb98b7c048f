/**
 * Global setup for the worker tests (runs in Node): fixture sites on 127.0.0.1 for the
 * scheduled refresh, which the Worker reaches over real HTTP. "sites" serves the invented LA
 * sites (test/fixtures/oap) plus a page that always answers 503; "broken" serves the same
 * sites with Brackenfold's PDF cut down to one statement (a degraded re-scrape); "school"
 * serves the invented Oakham Lane school site and "noreport" one without a report. The
 * outbound service in vitest.config.ts passes the Worker's requests to these origins through.
 */
import path from "node:path";
import type { TestProject } from "vitest/node";
import { serveFolder } from "../../scrapers/tools/static-site";
import { buildPdf } from "../fixtures/oap/pdf";
import { servePages } from "../fixtures/oap/server";
import { buildSites } from "../fixtures/oap/sites";

declare module "vitest" {
  export interface ProvidedContext {
    refreshSites: { sites: string; broken: string; school: string; noreport: string };
  }
}

const SIR_SITES = path.resolve(import.meta.dirname, "../fixtures/sir-sites");

export default async function setup(project: TestProject) {
  const pages = await buildSites();
  pages.set("/down", { status: 503, type: "text/html", body: "<!doctype html><title>Down for maintenance</title>" });
  const sites = await servePages(pages);
  const brokenPages = await buildSites();
  brokenPages.set("/kb5/brackenfold/directory/files/brackenfold-oap-2025.pdf", {
    type: "application/pdf",
    body: await buildPdf({ title: "Brackenfold", header: "x", body: [{ heading: "Section A: Expectations of all settings" }, { bullet: "Only one bullet is left in this broken version." }] }),
  });
  const broken = await servePages(brokenPages);
  const school = await serveFolder(path.join(SIR_SITES, "oakham"));
  const noreport = await serveFolder(path.join(SIR_SITES, "nodocs"));
  const origins = { sites: sites.origin, broken: broken.origin, school: school.origin, noreport: noreport.origin };
  project.provide("refreshSites", origins);
  // The Worker's outbound service (test/fixtures/ssrf/outbound.ts) lets requests through to these, and only these.
  process.env.REFRESH_FIXTURE_ORIGINS = JSON.stringify(Object.values(origins));
  return async () => {
    await Promise.all([sites.close(), broken.close(), school.close(), noreport.close()]);
  };
}
