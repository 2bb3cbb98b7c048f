/**
 * Serves a release file from the downloads bucket: byte ranges go to R2 as the client sent
 * them; text files go gzipped (a stored .gz copy, so the length is known) when the client
 * accepts gzip and asks for no range. Conditional headers are judged here against the ETag the
 * client was given (the gzipped copy has its own), not passed to R2, which throws on a
 * malformed one and cannot tell a failed If-Match (412) from a matched If-None-Match (304).
 * Files never change once released, so they may be cached for a year.
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

/** The entity tags an If-Match or If-None-Match header lists ("*" for any), or null for a value that is not such a list, which is then ignored. */
function entityTags(header: string | null): string[] | "*" | null {
  if (header === null) return null;
  if (header.trim() === "*") return "*";
  const tags: string[] = [];
  for (const part of header.split(",")) {
    const tag = part.trim();
    if (!tag) continue;
    if (!/^(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/.test(tag)) return null;
    tags.push(tag);
  }
  return tags.length ? tags : null;
}

/** An HTTP date, or null for an absent or malformed one (RFC 9110 says to ignore it). */
function httpDate(header: string | null): number | null {
  const time = header === null ? NaN : Date.parse(header);
  return Number.isNaN(time) ? null : time;
}

/**
 * The status a conditional request gets (RFC 9110, 13.2.2), or null to send the file. The
 * modification time is the upload's, in whole seconds as HTTP dates carry it.
 */
function preconditionStatus(headers: Headers, etag: string, uploaded: Date): 304 | 412 | null {
  const modified = Math.floor(uploaded.getTime() / 1000) * 1000;
  const ifMatch = entityTags(headers.get("if-match"));
  if (ifMatch !== null) {
    if (ifMatch !== "*" && !ifMatch.includes(etag)) return 412;
  } else {
    const unmodifiedSince = httpDate(headers.get("if-unmodified-since"));
    if (unmodifiedSince !== null && modified > unmodifiedSince) return 412;
  }
  const ifNoneMatch = entityTags(headers.get("if-none-match"));
  // If-Match compares strongly (a weak tag never matches); If-None-Match weakly.
  if (ifNoneMatch !== null) return ifNoneMatch === "*" || ifNoneMatch.some((tag) => tag.replace(/^W\//, "") === etag) ? 304 : null;
  const modifiedSince = httpDate(headers.get("if-modified-since"));
  return modifiedSince !== null && modified <= modifiedSince ? 304 : null;
}

export async function serveReleaseFile(bucket: R2Bucket, request: Request, key: string, filename: string): Promise<Response> {
  const start = rangeStart(request.headers.get("range"));
  const wantsRange = start !== undefined;
  const gzip = !wantsRange && /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
  const compressed = gzip ? await bucket.head(`${key}.gz`) : null;
  const stored = compressed ?? (await bucket.head(key));
  if (!stored) throw new ApiError("not_found", "The file is listed in the release but missing from storage.", { status: 404 });
  // A distinct validator for the compressed bytes.
  const etag = compressed ? `"${compressed.etag}-gz"` : stored.httpEtag;
  const headers = baseHeaders(stored, filename);
  headers.set("ETag", etag);
  const precondition = preconditionStatus(request.headers, etag, stored.uploaded);
  if (precondition === 304) return new Response(null, { status: 304, headers });
  if (precondition === 412) throw new ApiError("precondition_failed", "The file does not match the If-Match or If-Unmodified-Since header.");

  if (compressed) {
    const object = await bucket.get(`${key}.gz`);
    if (!object) throw new ApiError("not_found", "The file is listed in the release but missing from storage.", { status: 404 });
    headers.set("Content-Encoding", "gzip");
    headers.set("Content-Length", String(object.size));
    return new Response(object.body, { status: 200, headers, encodeBody: "manual" });
  }

  let object: R2ObjectBody | null;
  try {
    object = await bucket.get(key, wantsRange ? { range: request.headers } : {});
  } catch {
    // R2 rejects a range it cannot satisfy; say so with the file's size.
    throw new ApiError("range_not_satisfiable", "The Range header asks for bytes outside the file.", { headers: { "Content-Range": `bytes */${stored.size}` } });
  }
  if (!object) throw new ApiError("not_found", "The file is listed in the release but missing from storage.", { status: 404 });
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
