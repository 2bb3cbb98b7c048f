/**
 * `npm run release:data`: cuts a dataset release from the local D1 (see publish.ts) and
 * prints what changed. Nothing is written when nothing changed since the latest release.
 */
import path from "node:path";
import { getPlatformProxy } from "wrangler";
import { publishRelease } from "./publish";

const root = path.resolve(import.meta.dirname, "../..");
const proxy = await getPlatformProxy<{ DB: D1Database; DOWNLOADS: R2Bucket }>({ configPath: path.join(root, "wrangler.toml"), persist: true });
try {
  const result = await publishRelease(proxy.env.DB, proxy.env.DOWNLOADS);
  if (!result.version) console.log(`Nothing changed since ${result.previousVersion}; no release written.`);
  else {
    const { tables, major_changes } = result.changes;
    console.log(`Released ${result.version} (${result.changes.bump}${result.previousVersion ? ` after ${result.previousVersion}` : ", the first"}) in data/dataset/${result.version}/.`);
    for (const change of major_changes) console.log(`  major: ${change.description}`);
    for (const [table, counts] of Object.entries(tables)) {
      if (counts.added + counts.removed + counts.changed) console.log(`  ${table}: +${counts.added} -${counts.removed} ~${counts.changed}`);
    }
  }
} finally {
  await proxy.dispose();
}
