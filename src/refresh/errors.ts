/**
 * How a refresh attempt failed. A transient failure (timeout, network, 429 or 5xx after the
 * polite client's own retries) is retried by the queue and, when retries run out,
 * dead-lettered; anything else is recorded once and the message acknowledged, since asking
 * again would give the same answer.
 */
import { FetchError } from "../fetch/polite-client";

export class TransientRefreshError extends Error {}

export function isTransient(error: unknown): boolean {
  if (error instanceof TransientRefreshError) return true;
  if (!(error instanceof FetchError)) return false;
  if (error.reason === "timeout" || error.reason === "network") return true;
  return error.reason === "http_error" && error.status !== undefined && (error.status === 429 || error.status >= 500);
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
