/**
 * npm run scrape -- [--la <code> ...] [--offline]
 *   Runs the registry's sources (all, or those of the LAs named), from the network through
 *   the polite client or, with --offline, from snapshots only; gates each extraction against
 *   the published version and publishes (data/dataset/ and the local D1).
 *
 * npm run scrape -- --url <landing or document URL> --la "<code or name>" --out <dir>
 *   The single-source form used for evaluation: writes <dir>/documents.json and
 *   <dir>/statements.ndjson. Snapshots go to <dir>/snapshots unless --snapshots is given.
 *
 * Options: --snapshots <dir>, --delay-ms <n> (gap between requests to one host, default
 * 1000), --no-load (skip the D1 load in registry mode).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import type { Fetched } from "../../src/extract/adapters/types";
import { PoliteClient } from "../../src/fetch/polite-client";
import { onlineFetcher } from "../../src/snapshots/online";
import { DiskSnapshotStore } from "../snapshots/disk-store";
import { findLa, loadMatcher, PATHS, readLas, readRegistry, readTierSchemes, ROOT } from "./data-files";
import { runRegistry } from "./run-registry";
import { runSingleSource } from "./single-source";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    la: { type: "string", multiple: true },
    out: { type: "string" },
    offline: { type: "boolean", default: false },
    snapshots: { type: "string" },
    "delay-ms": { type: "string" },
    "no-load": { type: "boolean", default: false },
  },
  strict: true,
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const delayMs = values["delay-ms"] === undefined ? 1000 : Number(values["delay-ms"]);
if (!Number.isFinite(delayMs) || delayMs < 0) fail("--delay-ms must be a number of milliseconds, 0 or more.");

function fetcherFor(store: DiskSnapshotStore, bar: cliProgress.SingleBar | null): (url: string) => Promise<Fetched> {
  const inner = values.offline ? store.offlineFetcher() : onlineFetcher(new PoliteClient({ delayMs, contactUrl: process.env.OAP_CONTACT_URL }), store);
  let count = 0;
  return async (url) => {
    const fetched = await inner(url);
    count++;
    bar?.setTotal(Math.max(count, bar.getTotal()));
    bar?.update(count, { url: fetched.finalUrl.slice(-60) });
    return fetched;
  };
}

if (values.url) {
  if (!values.out) fail("--url needs --out <dir>.");
  const query = values.la?.[0];
  if (!query) fail('--url needs --la "<code or name>".');
  const found = findLa(query, readLas());
  const la = found ? { code: found.la_code, name: found.name } : { code: null, name: query };
  const out = path.resolve(values.out);
  // The LA's known tier scheme, if the registry names one; otherwise it is inferred from the document.
  const schemeId = found ? readRegistry().find((r) => r.la_code === found.la_code && r.tier_scheme)?.tier_scheme : undefined;
  const scheme = readTierSchemes().find((t) => t.id === schemeId) ?? null;
  const store = new DiskSnapshotStore(path.resolve(values.snapshots ?? path.join(out, "snapshots")));
  const bar = new cliProgress.SingleBar({ format: "fetch [{bar}] {value} bodies {url}", stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(1, 0, { url: "" });
  try {
    const result = await runSingleSource({ url: values.url, la, out, fetchPage: fetcherFor(store, bar), matcher: loadMatcher(), scheme });
    bar.stop();
    console.log(`${result.documents} document(s), ${result.statements} statement(s) written to ${out}${found ? "" : ` (LA "${query}" is not one of the 153; recorded as given)`}`);
  } catch (error) {
    bar.stop();
    fail(`Could not read ${values.url}: ${(error as Error).message}`);
  }
} else {
  const store = new DiskSnapshotStore(path.resolve(values.snapshots ?? path.join(ROOT, PATHS.snapshots)));
  try {
    const report = await runRegistry({ laQueries: values.la ?? [], store, fetcherFor: (bar) => fetcherFor(store, bar), load: !values["no-load"], offline: values.offline });
    const o = report.outcomes;
    console.log(
      `${report.sources} source(s) ${values.offline ? "rebuilt from snapshots" : "fetched"} in ${report.seconds} s: ${o.ok} published, ${o.unchanged} unchanged, ${o.held_back} held back, ${o.failed} failed.`,
    );
    console.log(
      `${report.release ? `Released ${report.release} in data/dataset/${report.release}/` : "No change since the latest release"}: ${report.documents} documents, ${report.statements} statements${report.loaded ? "; local D1 loaded" : ""}.`,
    );
    for (const p of report.problems.slice(0, 15)) console.log(`  ${p.source} ${p.outcome}: ${p.reason}`);
    if (report.problems.length > 15) console.log(`  …and ${report.problems.length - 15} more (pipeline_events in D1 has them all).`);
  } catch (error) {
    fail((error as Error).message);
  }
}
