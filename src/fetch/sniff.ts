/**
 * The real type of a body, from its bytes rather than its Content-Type header: servers
 * label PDFs as application/octet-stream and error pages as application/pdf.
 */
// The core entry: no Node streams, so it runs in workerd as well as Node.
import { fileTypeFromBuffer } from "file-type/core";
import type { SniffedType } from "../extract/adapters/types";

export async function sniffType(bytes: Uint8Array): Promise<SniffedType> {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  const type = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (type?.ext === "pdf") return "pdf";
  if (type?.ext === "docx") return "docx";
  if (type) return "other";
  if (/<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<title[\s>]/i.test(head.replace(/^\uFEFF/, ""))) return "html";
  return "other";
}
