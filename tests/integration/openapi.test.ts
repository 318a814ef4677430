import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import { openApiDocument } from "@/lib/openapi/document";
import { BASE_URL, routeParams } from "@/tests/support/route-context";
import { createUserWithToken } from "@/tests/support/users";

/*
 * The OpenAPI description against the code: every route file is described (and nothing
 * else), real answers of the routes validate against it, and the README's API table lists
 * the same routes.
 */

type Document = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }>>; components: { schemas: Record<string, object> } };
const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/claims/[id]/route.ts → /api/claims/{id}; a catch-all segment → {path}. */
const openApiPath = (file: string) =>
  `/${path.relative(path.join(ROOT, "app"), path.dirname(file))}`.replace(/\[\.\.\.\w+\]/g, "{path}").replace(/\[(\w+)\]/g, "{$1}");

let document: Document;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

beforeAll(async () => {
  document = (await (await openApiRoute()).json()) as Document;
});

function validate(route: string, method: string, status: number, body: unknown) {
  const operation = document.paths[route]?.[method];
  expect(operation, `${method} ${route} is described`).toBeDefined();
  const response = operation!.responses[String(status)];
  expect(response, `${method} ${route} describes status ${status}`).toBeDefined();
  const schema = response!.content?.["application/json"]?.schema;
  expect(schema, `${method} ${route} ${status} has a JSON schema`).toBeDefined();
  // Error answers point at the one Error schema of the components.
  const check = ajv.compile((schema as { $ref?: string }).$ref === "#/components/schemas/Error" ? document.components.schemas.Error! : (schema as object));
  const ok = check(body);
  expect(ok, `${method} ${route} ${status}: ${ajv.errorsText(check.errors)}`).toBe(true);
}

describe("OpenAPI description", () => {
  it("is OpenAPI 3.1 and describes every route file and method, and nothing that is not one", async () => {
    expect(openApiDocument()).toMatchObject({ openapi: "3.1.0" });
    const described = new Set(Object.entries(document.paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`)));
    const served = new Set<string>();
    for (const file of routeFiles(path.join(ROOT, "app"))) {
      const routeModule = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) if (typeof routeModule[method] === "function") served.add(`${method} ${openApiPath(file)}`);
    }
    expect([...served].sort()).toEqual([...described].sort());
  });

  it("lists in the README's API table exactly the JSON routes it describes", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) (\/api\/[^`]+)` \|/gm)].map((match) => `${match[1]} ${match[2]!.replace(/\[(\w+)\]/g, "{$1}")}`);
    const described = Object.entries(document.paths)
      .filter(([route]) => route.startsWith("/api/") && !route.startsWith("/api/auth/") && route !== "/api/openapi.json")
      .flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`));
    expect(rows.sort()).toEqual(described.sort());
  });
});

describe("real answers validate against the description", () => {
  const call = async (route: string, method: string, file: string, options: { url?: string; body?: unknown; token?: string; params?: Record<string, string> } = {}) => {
    const routeModule = (await import(path.join(ROOT, "app", file))) as Record<string, (request: Request, context: unknown) => Promise<Response>>;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const request = new Request(`${BASE_URL}${options.url ?? route}`, { method: method.toUpperCase(), headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) });
    const response = await routeModule[method.toUpperCase()]!(request, routeParams(options.params ?? {}));
    const body: unknown = await response.json();
    validate(route, method, response.status, body);
    return { status: response.status, body: body as Record<string, unknown> };
  };

  it("for the reads, their errors and the health checks", async () => {
    expect((await call("/api/claims", "get", "api/claims/route.ts", { url: "/api/claims?pageSize=5&sort=-sources" })).status).toBe(200);
    expect((await call("/api/claims", "get", "api/claims/route.ts", { url: "/api/claims?status=bogus" })).status).toBe(400);
    expect((await call("/api/claims/deleted", "get", "api/claims/deleted/route.ts")).status).toBe(200);
    expect((await call("/api/claims/{id}", "get", "api/claims/[id]/route.ts", { params: { id: "1" } })).status).toBe(200);
    expect((await call("/api/claims/{id}", "get", "api/claims/[id]/route.ts", { params: { id: "999999" } })).status).toBe(404);
    expect((await call("/api/sources/{id}", "get", "api/sources/[id]/route.ts", { params: { id: "1" } })).status).toBe(200);
    expect((await call("/api/actors/{id}", "get", "api/actors/[id]/route.ts", { params: { id: "1" } })).status).toBe(200);
    expect((await call("/api/health", "get", "api/health/route.ts")).status).toBe(200);
    expect((await call("/api/claims/similar", "get", "api/claims/similar/route.ts", { url: "/api/claims/similar?text=six%20soldiers%20killed" })).status).toBe(200);
    expect((await call("/api/claims/similar", "get", "api/claims/similar/route.ts", { url: "/api/claims/similar?text=" })).status).toBe(400);
    expect((await call("/api/claims/{id}/similar", "get", "api/claims/[id]/similar/route.ts", { params: { id: "1" } })).status).toBe(200);
    expect((await call("/api/claims/{id}/similar", "get", "api/claims/[id]/similar/route.ts", { params: { id: "999999" } })).status).toBe(404);
  });

  it("for the writes, their refusals and a stale version", async () => {
    const { token } = await createUserWithToken("fact_checker");
    const source = await call("/api/sources", "post", "api/sources/route.ts", {
      token,
      body: { title: "Described", outlet: "API Wire", text: "The ministry said the described API works as documented." },
    });
    expect(source.status, JSON.stringify(source.body)).toBe(201);
    const attribution = { sourceId: source.body.id, actor: "The ministry", stance: "asserts", quote: "the described API works as documented" };
    const created = await call("/api/claims", "post", "api/claims/route.ts", {
      token,
      body: { text: "A claim made through the described API", topic: "diplomacy", attributions: [attribution] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = String(created.body.id);
    expect((await call("/api/claims/{id}", "patch", "api/claims/[id]/route.ts", { token, params: { id }, body: { text: "A claim corrected through the API", topic: "diplomacy", version: 1 } })).status).toBe(200);
    expect((await call("/api/claims/{id}", "patch", "api/claims/[id]/route.ts", { token, params: { id }, body: { text: "A stale correction", topic: "diplomacy", version: 1 } })).status).toBe(409);
    expect((await call("/api/claims/{id}/status", "post", "api/claims/[id]/status/route.ts", { token, params: { id }, body: { status: "false", rationale: "Checked", version: 2 } })).status).toBe(200);
    expect((await call("/api/claims/{id}/annotations", "post", "api/claims/[id]/annotations/route.ts", { token, params: { id }, body: { body: "A note" } })).status).toBe(201);
    expect((await call("/api/claims", "post", "api/claims/route.ts", { token, body: { text: "x", topic: "diplomacy", attributions: [attribution] } })).status).toBe(400);
    expect((await call("/api/claims", "post", "api/claims/route.ts", { body: { text: "No token", topic: "diplomacy", attributions: [attribution] } })).status).toBe(401);
    const viewer = await createUserWithToken("viewer");
    expect((await call("/api/claims", "post", "api/claims/route.ts", { token: viewer.token, body: { text: "A viewer's claim", topic: "diplomacy", attributions: [attribution] } })).status).toBe(403);
  });
});
