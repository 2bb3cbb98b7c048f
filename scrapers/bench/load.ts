/**
 * `npm run bench:load`: a mixed read workload against local workerd (synthetic data for all
 * 153 LAs) for 60 s at 200 connections. Two autocannon instances run at the same time against
 * the same Worker: the mixed one (LA list, LA detail, baseline, search, provisions, compare,
 * schools search, datasets and /healthz, interleaved) on most connections, and a trivial one
 * (/healthz only) on the rest. The trivial route's p99 is therefore measured under exactly the
 * same load, and the ratio mixed p99 / trivial p99 says what the data routes cost beyond
 * getting a request through the Worker at all. Prints requests per second, p50, p99, errors
 * (non-2xx/3xx, socket errors and timeouts) and the ratio, plus the 1-minute load average
 * before and after. Targets: 0 errors, ratio at most 2.0.
 *
 * Overrides: --seconds / BENCH_SECONDS (default 60), --connections / BENCH_CONNECTIONS
 * (default 200, of which --trivial-connections / BENCH_TRIVIAL_CONNECTIONS, default 10%, go
 * to the trivial instance).
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startBenchServer } from "./server";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: process.env.BENCH_SECONDS ?? "60" },
    connections: { type: "string", default: process.env.BENCH_CONNECTIONS ?? "200" },
    "trivial-connections": { type: "string", default: process.env.BENCH_TRIVIAL_CONNECTIONS },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const trivialConnections = Number(values["trivial-connections"] ?? Math.max(1, Math.round(connections / 10)));
if (!(seconds > 0) || !(connections >= 2) || !(trivialConnections >= 1 && trivialConnections < connections)) {
  throw new Error("Give --seconds > 0, --connections >= 2 and 1 <= --trivial-connections < --connections.");
}

const SEARCH_TERMS = ["visual timetable", "quiet space", "reading group", "sensory break", "calm adult", "task planner"];
const ACCEPT = { accept: "application/json" };
const SCHOOL_NAMES = ["primary", "academy", "church", "park", "st"];

/** One request per route kind in turn, each kind walking through its own list, so every connection sees the whole mix. */
function mixedPaths(laCodes: string[], count = 1800): string[] {
  const la = (i: number) => laCodes[(i * 37) % laCodes.length]!;
  const kinds: Array<(i: number) => string> = [
    (i) => `/v1/local-authorities?per_page=50&page=${1 + (i % 4)}`,
    (i) => `/v1/local-authorities/${la(i)}`,
    (i) => `/v1/local-authorities/${la(i)}/baseline?area=${["CI", "CL", "SEMH", "SP"][i % 4]}`,
    (i) => `/v1/search?q=${encodeURIComponent(SEARCH_TERMS[i % SEARCH_TERMS.length]!)}&la=${la(i)}`,
    (i) => (i % 2 ? `/v1/provisions/bench_item_${i % 60}` : `/v1/provisions?area=${["WS", "CI", "CL", "SEMH", "SP"][i % 5]}`),
    (i) => `/v1/compare?la=${la(i)},${la(i + 1)}&area=CL`,
    (i) => (i % 2 ? `/v1/schools?la=${la(i)}` : `/v1/schools?q=${SCHOOL_NAMES[i % SCHOOL_NAMES.length]}&per_page=20`),
    () => "/v1/datasets",
    () => "/healthz",
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!(Math.floor(i / kinds.length)));
}

function summary(result: autocannon.Result) {
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon's errors already include timeouts; its non2xx would count 3xx, which are answers.
    errors: result.errors + result["1xx"] + result["4xx"] + result["5xx"],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startBenchServer();
  try {
    const paths = mixedPaths(server.laCodes);
    // Every distinct URL once, with the same Accept header as the run (responses are cached
    // per URL and Accept), and checked: a route that fails here would only show as errors later.
    for (const path of new Set(paths)) {
      const res = await fetch(`${server.origin}${path}`, { headers: ACCEPT });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status} before the run`);
    }
    const loadBefore = loadavg()[0]!;
    let loadPeak = loadBefore;
    const sampler = setInterval(() => (loadPeak = Math.max(loadPeak, loadavg()[0]!)), 1000);
    console.error(`Running ${seconds} s: ${connections - trivialConnections} connections mixed + ${trivialConnections} trivial, load average ${loadBefore.toFixed(2)}`);
    const [mixed, trivial] = await Promise.all([
      autocannon({ url: server.origin, connections: connections - trivialConnections, duration: seconds, requests: paths.map((path) => ({ path, headers: ACCEPT })) }),
      autocannon({ url: server.origin, connections: trivialConnections, duration: seconds, requests: [{ path: "/healthz", headers: ACCEPT }] }),
    ]);
    clearInterval(sampler);
    const loadAfter = loadavg()[0]!;
    const m = summary(mixed);
    const t = summary(trivial);
    const ratio = m.p99 / Math.max(1, t.p99);
    const row = (name: string, r: ReturnType<typeof summary>, conns: number) =>
      `${name.padEnd(16)}${String(conns).padStart(6)}${r.rps.toFixed(0).padStart(9)}${String(r.requests).padStart(10)}${String(r.p50).padStart(8)}${String(r.p99).padStart(8)}${String(r.errors).padStart(8)}`;
    console.log(`\n${"workload".padEnd(16)}${"conns".padStart(6)}${"req/s".padStart(9)}${"requests".padStart(10)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"errors".padStart(8)}`);
    console.log(row("mixed", m, connections - trivialConnections));
    console.log(row("trivial /healthz", t, trivialConnections));
    console.log(`\ntotal ${(m.rps + t.rps).toFixed(0)} req/s over ${seconds} s at ${connections} connections; errors ${m.errors + t.errors} (target 0)`);
    console.log(`p99 mixed / p99 trivial under the same load: ${m.p99} / ${t.p99} = ${ratio.toFixed(2)} (target <= 2.0)`);
    console.log(`1-minute load average: ${loadBefore.toFixed(2)} before, ${loadPeak.toFixed(2)} peak, ${loadAfter.toFixed(2)} after (2 shared cores)`);
    if (m.errors + t.errors > 0 || ratio > 2) process.exitCode = 1;
  } finally {
    server.stop();
  }
}
