/**
 * npm run bench:pipeline: an offline rebuild at the scale of all 153 LAs, not a test.
 *
 * Each LA gets a copy of one of the invented fixture sites (kb5 + PDF with a landscape
 * table, Jadu print view, WordPress tier × area pages, generic landing page + PDF, barrier
 * table), stored as snapshots under its own host, with the LA's name written into its pages
 * so every source has its own bytes. The registry run then rebuilds from snapshots twice:
 * a full build, and a no-change rebuild. Records are method "fixture" and go to a temporary
 * folder, never to data/dataset. Prints total time, median per document, peak memory and
 * the no-change time as a ratio of the full build, against the targets (60 s; 0.05).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSites } from "../../test/fixtures/oap/sites";
import { DiskSnapshotStore } from "../snapshots/disk-store";
import { readLas, seedWorkingRoot } from "./data-files";
import { runRegistry } from "./run-registry";

const PATTERNS = [
  { seed: "/kb5/brackenfold/directory/advice.page?id=Bf7Qa2", adapter: "kb5", prefix: "/kb5/brackenfold/" },
  { seed: "/article/701/Introduction", adapter: "jadu", prefix: "/article/70" },
  { seed: "/send-toolkit/", adapter: "wordpress_tier_area", prefix: "/send-toolkit/" },
  { seed: "/schools/send/oap", adapter: "html_guide", prefix: "/schools/send/oap", exact: true },
  { seed: "/schools/send/oap/sensory-physical", adapter: "html_guide", prefix: "/schools/send/oap/sensory-physical" },
] as const;

const work = mkdtempSync(path.join(tmpdir(), "oap-bench-"));
const root = path.join(work, "root");

const setupStarted = performance.now();
const pages = await buildSites();
const store = new DiskSnapshotStore(path.join(root, "data/snapshots"));
const las = readLas();
const rows: string[][] = [];
las.forEach((la, i) => {
  const pattern = PATTERNS[i % PATTERNS.length]!;
  const origin = `https://oap-${la.la_code}.bench.invalid`;
  for (const [key, page] of pages) {
    const belongs = key.startsWith(pattern.prefix) || (pattern.adapter === "html_guide" && "exact" in pattern && key.startsWith("/media/"));
    if (!belongs) continue;
    const body = typeof page.body === "string" ? new TextEncoder().encode(page.body.replaceAll("Test Council", la.name)) : page.body;
    store.put({ url: `${origin}${key}`, final_url: `${origin}${key}`, retrieved_at: "2025-06-01T00:00:00.000Z", status: 200, content_type: page.type.includes("pdf") ? "pdf" : "html", declared_content_type: page.type, etag: null, last_modified: null }, body);
  }
  rows.push([`${la.la_code}-1`, la.la_code, la.name, "found", "", "", "Benchmark copy of a fixture site", `${origin}${pattern.seed}`, "", "unknown", "bench", pattern.adapter, "", "", "invented fixture content for the benchmark"]);
});
seedWorkingRoot(root, rows);
const setupSeconds = (performance.now() - setupStarted) / 1000;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
const run = () => runRegistry({ laQueries: [], store, fetcherFor: () => store.offlineFetcher(), load: false, offline: true, root, quiet: true, method: "fixture" });

const full = await run();
const fullPeak = peakRss;
const noChange = await run();
clearInterval(sampler);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};
const ratio = noChange.seconds / full.seconds;
console.log(`setup: ${las.length} LAs, ${store.latest(`https://oap-${las[0]!.la_code}.bench.invalid${PATTERNS[0].seed}`) ? "snapshots stored" : "?"} in ${setupSeconds.toFixed(1)} s`);
console.log(`full build:       ${full.seconds.toFixed(2)} s for ${full.sources} sources (${full.outcomes.ok} extracted, ${full.problems.length} problems), ${full.documents} documents, ${full.statements} statements  [target ≤ 60 s]`);
console.log(`median per document (one source each): ${(median(full.sourceSeconds) * 1000).toFixed(0)} ms (slowest ${(Math.max(...full.sourceSeconds) * 1000).toFixed(0)} ms)`);
console.log(`peak memory:      ${(fullPeak / 1024 / 1024).toFixed(0)} MB RSS during the full build (max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`);
console.log(`no-change build:  ${noChange.seconds.toFixed(2)} s (${noChange.reusedFromCache} sources reused), ratio ${ratio.toFixed(3)} of the full build  [target ≤ 0.05]`);
if (full.problems.length) console.log("problems:", full.problems.slice(0, 5));
rmSync(work, { recursive: true, force: true });
