/**
 * Starts the Worker under `wrangler dev` for the browser tests and the page audit: its own
 * local D1 in a temporary folder (migrated, loaded with the real LA files, the test subset of
 * schools and the invented OAP fixture, which is marked `method = "fixture"` and served only
 * because SERVE_FIXTURE_DATA is set here), on a free port on 127.0.0.1, never 8787.
 */
import { spawn, execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { getPlatformProxy } from "wrangler";
import { loadReference, referenceFilesFromPackage, type ReferencePackage } from "../../src/db/reference-load";
import { loadOapFixture } from "../worker/oap-fixture";

const root = path.resolve(import.meta.dirname, "../..");
const wranglerBin = path.join(root, "node_modules/.bin/wrangler");
const run = promisify(execFile);

/** The same offline settings `npm run wrangler` uses, with wrangler's own files in the temp folder. */
function wranglerEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_HIDE_BANNER: "true",
    XDG_CONFIG_HOME: path.join(dir, "config"),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function loadData(dir: string): Promise<void> {
  await run(wranglerBin, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", dir], { cwd: root, env: wranglerEnv(dir) });
  const folder = path.join(root, "data/reference");
  const pkg = JSON.parse(await readFile(path.join(folder, "datapackage.json"), "utf8")) as ReferencePackage;
  const texts = new Map<string, string>();
  for (const resource of pkg.resources) {
    const file = resource.path === "schools.csv" ? path.join(root, "test/fixtures/reference/schools-subset.csv") : path.join(folder, resource.path);
    texts.set(resource.path, await readFile(file, "utf8"));
  }
  // getPlatformProxy's persist path is the "v3" folder that `wrangler dev --persist-to` makes inside its own.
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: path.join(root, "wrangler.toml"), persist: { path: path.join(dir, "v3") } });
  try {
    await loadReference(proxy.env.DB, referenceFilesFromPackage(pkg, (file) => texts.get(file)!));
    await loadOapFixture(proxy.env.DB);
  } finally {
    await proxy.dispose();
  }
}

export interface FixtureServer {
  origin: string;
  stop(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "send-oap-e2e-"));
  await loadData(dir);
  const port = await freePort();
  const child = spawn(
    wranglerBin,
    ["dev", "--local", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", dir, "--var", "SERVE_FIXTURE_DATA:true", "--log-level", "warn", "--show-interactive-dev-session=false"],
    { cwd: root, env: wranglerEnv(dir), stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return { origin, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not start on ${origin}:\n${output}`);
}
