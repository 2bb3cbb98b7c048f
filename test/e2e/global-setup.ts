import type { TestProject } from "vitest/node";
import { startFixtureServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    origin: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startFixtureServer();
  project.provide("origin", server.origin);
  return () => server.stop();
}
