/**
 * Serves a release file from the downloads bucket: byte ranges and conditional requests go
 * to R2 as the client sent them; text files go gzipped (a stored .gz copy, so the length is
 * known) when the client accepts gzip and asks for no range. Files never change once
 * released, so they may be cached for a year.
 */
import { ApiError } from "../../lib/problem";

const IMMUTABLE = "public, max-age=31536000, immutable";

function baseHeaders(object: R2Object, filename: string): Headers {
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set("ETag", object.httpEtag);
  headers.set("Cache-Control", IMMUTABLE);
  headers.set("Accept-Ranges", "bytes");
  headers.set("Content-Disposition", `attachment; filename="${filename}"`);
  headers.set("Vary", "Accept-Encoding");
  return headers;
}

const hasBody = (object: R2Object | R2ObjectBody): object is R2ObjectBody => "body" in object;

/**
 * The first byte a single-range header asks for ("bytes=100-" gives 100; a suffix range
 * "bytes=-100" gives null, as it always fits), or undefined for a header to ignore: RFC 9110
 * lets a server answer a malformed or multi-range request with the whole file.
 */
function rangeStart(header: string | null): number | null | undefined {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === "" && match[2] === "")) return undefined;
  return match[1] === "" ? null : Number(match[1]);
}

export async function serveReleaseFile(bucket: R2Bucket, request: Request, key: string, filename: string): Promise<Response> {
  const start = rangeStart(request.headers.get("range"));
  const wantsRange = start !== undefined;
  const gzip = !wantsRange && /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
  if (gzip) {
    const compressed = await bucket.get(`${key}.gz`, { onlyIf: request.headers });
    if (compressed) {
      const headers = baseHeaders(compressed, filename);
      // A distinct validator for the compressed bytes.
      headers.set("ETag", `"${compressed.etag}-gz"`);
      if (!hasBody(compressed)) return new Response(null, { status: 304, headers });
      headers.set("Content-Encoding", "gzip");
      headers.set("Content-Length", String(compressed.size));
      return new Response(compressed.body, { status: 200, headers, encodeBody: "manual" });
    }
  }

  let object: R2Object | R2ObjectBody | null;
  try {
    object = await bucket.get(key, { ...(wantsRange ? { range: request.headers } : {}), onlyIf: request.headers });
  } catch {
    // R2 rejects a range it cannot satisfy; say so with the file's size.
    const head = await bucket.head(key);
    throw new ApiError("range_not_satisfiable", "The Range header asks for bytes outside the file.", {
      headers: head ? { "Content-Range": `bytes */${head.size}` } : {},
    });
  }
  if (!object) throw new ApiError("not_found", "The file is listed in the release but missing from storage.", { status: 404 });
  const headers = baseHeaders(object, filename);
  if (!hasBody(object)) return new Response(null, { status: 304, headers });
  const range = object.range as { offset: number; length: number } | undefined;
  if (wantsRange && ((start !== null && start >= object.size) || (range && range.length <= 0))) {
    throw new ApiError("range_not_satisfiable", "The Range header asks for bytes outside the file.", {
      headers: { "Content-Range": `bytes */${object.size}` },
    });
  }
  if (wantsRange && range) {
    headers.set("Content-Range", `bytes ${range.offset}-${range.offset + range.length - 1}/${object.size}`);
    headers.set("Content-Length", String(range.length));
    return new Response(object.body, { status: 206, headers });
  }
  headers.set("Content-Length", String(object.size));
  return new Response(object.body, { status: 200, headers });
}
