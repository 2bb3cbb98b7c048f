/**
 * Release files in the downloads bucket (R2; local under miniflare), keyed <version>/<name>.
 * Text files also get a gzip copy (<name>.gz) so the Worker can send them compressed with a
 * known Content-Length. Files already there with the same checksum are left alone.
 * Runtime-neutral (CompressionStream): the seed uses it in Node, the tests in workerd.
 */
import { sha256Of, type ReleaseFile } from "./package";

const COMPRESSIBLE = /\.(csv|ndjson|json)$|SHA256SUMS$/;

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function uploadDownloads(bucket: R2Bucket, version: string, files: ReleaseFile[]): Promise<number> {
  let uploaded = 0;
  for (const file of files) {
    const sha256 = await sha256Of(file.bytes);
    const key = `${version}/${file.name}`;
    const existing = await bucket.head(key);
    if (existing?.customMetadata?.sha256 === sha256) continue;
    const httpMetadata = { contentType: file.mediaType === "text/csv" ? "text/csv; charset=utf-8" : file.mediaType };
    await bucket.put(key, file.bytes, { httpMetadata, customMetadata: { sha256 } });
    if (COMPRESSIBLE.test(file.name)) {
      await bucket.put(`${key}.gz`, await gzip(file.bytes), { httpMetadata, customMetadata: { sha256, encoding: "gzip" } });
    }
    uploaded++;
  }
  return uploaded;
}
