/**
 * A Worker for benchmarks: its own local state (reference data plus synthetic OAP data at
 * national scale), `wrangler dev --env bench` on a free port, and `--log-level warn` (the
 * default per-request logging costs about 30% of throughput).
 */
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { getPlatformProxy } from "wrangler";
import { compareReleases } from "../../src/dataset/changes";
import { loadRelease } from "../../src/dataset/load-release";
import { loadReference, referenceFilesFromPackage, type ReferencePackage } from "../../src/db/reference-load";
import { syntheticRelease } from "./synthetic-release";

const root = path.resolve(import.meta.dirname, "../..");
const wrangler = path.join(root, "node_modules/.bin/wrangler");
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true", XDG_CONFIG_HOME: path.join(root, ".wrangler/config") };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export interface BenchServer {
  origin: string;
  laCodes: string[];
  stop(): void;
}

export async function startBenchServer(): Promise<BenchServer> {
  const state = path.join(root, ".wrangler/bench-state");
  rmSync(state, { recursive: true, force: true });
  execFileSync(wrangler, ["d1", "migrations", "apply", "DB", "--local", "--env", "bench", "--persist-to", state], { cwd: root, env, stdio: "ignore" });

  const folder = path.join(root, "data/reference");
  const pkg = JSON.parse(readFileSync(path.join(folder, "datapackage.json"), "utf8")) as ReferencePackage;
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: path.join(root, "wrangler.toml"), environment: "bench", persist: { path: path.join(state, "v3") } });
  let laCodes: string[];
  try {
    await loadReference(proxy.env.DB, referenceFilesFromPackage(pkg, (file) => readFileSync(path.join(folder, file), "utf8")));
    laCodes = ((await proxy.env.DB.prepare("SELECT la_code FROM local_authorities ORDER BY la_code").all<{ la_code: string }>()).results ?? []).map((r) => r.la_code);
    const data = syntheticRelease(laCodes);
    const at = new Date().toISOString();
    await loadRelease(proxy.env.DB, data, { version: "0.0.1", previousVersion: null, createdAt: at, publishedAt: at, licence: "none", checksumsSha256: "", changes: compareReleases(null, data), files: [] });
  } finally {
    await proxy.dispose();
  }

  const port = await freePort();
  const child = spawn(
    wrangler,
    ["dev", "--env", "bench", "--local", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state, "--log-level", "warn", "--var", "SERVE_FIXTURE_DATA:true", "--var", "LOG_LEVEL:warn", "--show-interactive-dev-session=false"],
    { cwd: root, env, stdio: ["ignore", "ignore", "inherit"], detached: true },
  );
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return { origin, laCodes, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error("wrangler dev did not start within 30 s");
}
