/**
 * Tells a 405 from a 404: when no route matched, look for routes on the same path under
 * other methods. Built from the app's own route table, so it cannot drift from it.
 */
interface CompiledRoute {
  pattern: RegExp;
  method: string;
}

function compile(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => {
      if (segment === "*") return ".*";
      if (segment.startsWith(":")) return "[^/]+";
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${source}/?$`);
}

const cache = new WeakMap<object, CompiledRoute[]>();

export function allowedMethods(app: { routes: ReadonlyArray<{ method: string; path: string }> }, path: string): string[] {
  let routes = cache.get(app);
  if (!routes) {
    routes = app.routes
      .filter((route) => route.method !== "ALL")
      .map((route) => ({ pattern: compile(route.path), method: route.method }));
    cache.set(app, routes);
  }
  const methods = new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method));
  if (methods.has("GET")) methods.add("HEAD");
  if (methods.size) methods.add("OPTIONS");
  return [...methods].sort();
}
