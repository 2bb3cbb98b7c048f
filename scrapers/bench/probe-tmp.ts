import { startBenchServer } from "./server";
const server = await startBenchServer();
try {
  const las = server.laCodes;
  const requests = ["visual timetable", "quiet space", "reading group", "sensory break", "calm adult"].flatMap((q) => las.slice(0, 20).map((la) => ({ path: `/v1/search?q=${encodeURIComponent(q)}&la=${la}` })));
  let t = performance.now();
  for (const r of requests) await (await fetch(server.origin + r.path)).arrayBuffer();
  console.log("cold per search ms", ((performance.now() - t) / requests.length).toFixed(1));
  t = performance.now();
  for (const la of las.slice(0, 30)) await (await fetch(`${server.origin}/v1/local-authorities/${la}/baseline?area=CI`)).arrayBuffer();
  console.log("cold per baseline ms", ((performance.now() - t) / 30).toFixed(1));
  t = performance.now();
  for (const la of las.slice(0, 30)) await (await fetch(`${server.origin}/v1/gap-check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ la, areas: ["CI", "SEMH"], receives: ["picture timetable", "ear defenders", "quiet space", "lego club"] }) })).arrayBuffer();
  console.log("per gap check ms", ((performance.now() - t) / 30).toFixed(1));
} finally { server.stop(); }
