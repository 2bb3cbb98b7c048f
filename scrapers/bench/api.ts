/**
 * `npm run bench:api`: each route in turn at 50 connections for 20 s against local workerd
 * (synthetic data for all 153 LAs), requests spread over LAs and search terms. Prints
 * requests per second, p50 and p99, errors, and each route's p99 over the trivial route's
 * p99 from the same run. Targets: LA detail, baseline and search at most 2.0x, no errors.
 * The gap check is a POST, never cached: its ratio is the cost of the real work per request.
 * BENCH_SECONDS and BENCH_CONNECTIONS override the defaults.
 */
import autocannon from "autocannon";
import { startBenchServer } from "./server";

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

export interface RouteLoad {
  name: string;
  requests: Array<{ method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string }>;
}

export async function run(origin: string, route: RouteLoad, duration = seconds) {
  const result = await autocannon({ url: origin, connections, duration, requests: route.requests });
  const failures = result.errors + result.timeouts + result.non2xx;
  return { name: route.name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: failures };
}

export function report(rows: Array<Awaited<ReturnType<typeof run>>>, baseline: string) {
  const base = rows.find((r) => r.name === baseline)!.p99;
  console.log(`\n${"route".padEnd(22)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}${"p99/trivial".padStart(13)}`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(22)}${r.rps.toFixed(0).padStart(9)}${String(r.p50).padStart(9)}${String(r.p99).padStart(9)}${String(r.errors).padStart(8)}${(r.p99 / base).toFixed(2).padStart(13)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startBenchServer();
  try {
    const las = server.laCodes;
    const routes: RouteLoad[] = [
      { name: "trivial /healthz", requests: [{ path: "/healthz" }] },
      { name: "LA detail", requests: las.map((la) => ({ path: `/v1/local-authorities/${la}` })) },
      { name: "baseline", requests: las.map((la) => ({ path: `/v1/local-authorities/${la}/baseline?area=CI` })) },
      { name: "search", requests: ["visual timetable", "quiet space", "reading group", "sensory break", "calm adult"].flatMap((q) => las.slice(0, 20).map((la) => ({ path: `/v1/search?q=${encodeURIComponent(q)}&la=${la}` }))) },
      {
        name: "gap check (POST)",
        requests: las.slice(0, 50).map((la) => ({
          method: "POST" as const,
          path: "/v1/gap-check",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ la, areas: ["CI", "SEMH"], receives: ["picture timetable on her desk", "ear defenders in assembly", "a quiet space at lunch", "lego club"] }),
        })),
      },
    ];
    // Ask for every distinct URL once, so what is measured is the steady state of a
    // published release (responses cached per data version), not the first misses.
    for (const route of routes) for (const request of route.requests) await (await fetch(`${server.origin}${request.path}`, request)).arrayBuffer();
    const rows = [];
    for (const route of routes) rows.push(await run(server.origin, route));
    report(rows, "trivial /healthz");
  } finally {
    server.stop();
  }
}
