import { describe, expect, it } from "vitest";
import { envProblems } from "@/tests/support/env-problems";
import { parseEnv, publicOrigin } from "@/lib/env";
import { corsPolicy, corsPreflight, corsResponseHeaders, isCorsReadablePath, type CorsPolicy } from "@/lib/http/cors";
import { reviewContext } from "@/lib/export/review-context";

/*
 * The settings behind what the site publishes and who may read it from another origin:
 * PUBLIC_URL and its fallbacks, ORGANISATION_*, CORS_ORIGINS under each READ_ACCESS, and the
 * CORS headers each kind of request gets. The same code answers the real server's requests
 * (tests/e2e/cors.spec.ts checks them there).
 */

const problemsOf = envProblems;

describe("the public address", () => {
  it("is PUBLIC_URL, else BETTER_AUTH_URL's origin, else localhost on PORT", () => {
    expect(publicOrigin(parseEnv({ PUBLIC_URL: "https://claims.example.org/", BETTER_AUTH_URL: "https://auth.example.org" }))).toBe("https://claims.example.org");
    expect(publicOrigin(parseEnv({ BETTER_AUTH_URL: "https://auth.example.org/api/auth" }))).toBe("https://auth.example.org");
    expect(publicOrigin(parseEnv({ PORT: "4123" }))).toBe("http://localhost:4123");
    expect(publicOrigin(parseEnv({ PUBLIC_URL: "" }))).toBe("http://localhost:3000");
  });

  it("refuses a PUBLIC_URL that is not an http(s) origin", () => {
    expect(problemsOf({ PUBLIC_URL: "https://claims.example.org/claimtrail" })).toMatch(/PUBLIC_URL: PUBLIC_URL must be the site's address without a path/);
    expect(problemsOf({ PUBLIC_URL: "ftp://claims.example.org" })).toMatch(/PUBLIC_URL must be an http\(s\) address/);
    expect(problemsOf({ PUBLIC_URL: "claims.example.org" })).toMatch(/PUBLIC_URL/);
  });
});

describe("the publishing organisation", () => {
  it("is the configured one, or none at all (never the software's name)", () => {
    expect(reviewContext(parseEnv({ ORGANISATION_NAME: " Example Checks ", ORGANISATION_URL: "https://checks.example.org" })).organisation).toEqual({
      name: "Example Checks",
      url: "https://checks.example.org",
    });
    expect(reviewContext(parseEnv({})).organisation).toBeNull();
    expect(reviewContext(parseEnv({ ORGANISATION_NAME: "" })).organisation).toBeNull();
  });

  it("refuses a URL without a name", () => {
    expect(problemsOf({ ORGANISATION_URL: "https://checks.example.org" })).toMatch(/ORGANISATION_URL is set but ORGANISATION_NAME is not/);
  });
});

describe("CORS_ORIGINS", () => {
  it("defaults to any origin for a public site and to none for one that needs sign-in", () => {
    expect(corsPolicy(parseEnv({}))).toEqual({ allow: "any" });
    expect(corsPolicy(parseEnv({ CORS_ORIGINS: " " }))).toEqual({ allow: "any" });
    expect(corsPolicy(parseEnv({ READ_ACCESS: "login" }))).toEqual({ allow: "none" });
  });

  it("takes *, none, or a list of origins, normalised, separated by commas or spaces", () => {
    expect(corsPolicy(parseEnv({ CORS_ORIGINS: "*" }))).toEqual({ allow: "any" });
    expect(corsPolicy(parseEnv({ CORS_ORIGINS: "none" }))).toEqual({ allow: "none" });
    expect(corsPolicy(parseEnv({ CORS_ORIGINS: "https://Notebook.Example.org/, http://localhost:8888 https://notebook.example.org:443" }))).toEqual({
      allow: "listed",
      origins: new Set(["https://notebook.example.org", "http://localhost:8888"]),
    });
    expect(corsPolicy(parseEnv({ READ_ACCESS: "login", CORS_ORIGINS: "https://notebook.example.org" }))).toEqual({
      allow: "listed",
      origins: new Set(["https://notebook.example.org"]),
    });
  });

  it("refuses anything that is not an origin, and * on a site that needs sign-in", () => {
    for (const bad of ["https://notebook.example.org/lab", "notebook.example.org", "null", "https://a.example, *", "file:///tmp", "https://user:pw@a.example"]) {
      expect(problemsOf({ CORS_ORIGINS: bad }), bad).toMatch(/CORS_ORIGINS: .* is not an origin/);
    }
    expect(problemsOf({ READ_ACCESS: "login", CORS_ORIGINS: "*" })).toMatch(/CORS_ORIGINS=\* is not allowed with READ_ACCESS=login/);
  });
});

describe("CORS headers", () => {
  const any: CorsPolicy = { allow: "any" };
  const listed: CorsPolicy = { allow: "listed", origins: new Set(["https://notebook.example.org"]) };
  const none: CorsPolicy = { allow: "none" };
  const request = (method: string, pathname: string, headers: Record<string, string> = {}) => ({ method, pathname, headers: new Headers(headers) });
  const fromNotebook = { origin: "https://notebook.example.org" };
  const fromElsewhere = { origin: "https://elsewhere.example" };

  it("covers the API's reads and the export files, not sign-in or pages", () => {
    for (const path of ["/api/claims", "/api/claims/3", "/api/sources/1", "/api/health", "/export/claims.csv", "/export/claimreview.jsonld", "/claims/3/claimreview.jsonld"]) {
      expect(isCorsReadablePath(path), path).toBe(true);
    }
    for (const path of ["/api/auth/get-session", "/api/auth", "/claims", "/claims/3", "/", "/sitemap.xml", "/admin"]) {
      expect(isCorsReadablePath(path), path).toBe(false);
    }
  });

  it("lets any origin read with * by default, and never allows credentials", () => {
    const headers = corsResponseHeaders(request("GET", "/api/claims", fromElsewhere), any);
    expect(headers).toEqual({ "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Content-Disposition, Retry-After, Claimtrail-Notice, ETag" });
    expect(corsResponseHeaders(request("HEAD", "/export/claims.csv"), any)["Access-Control-Allow-Origin"]).toBe("*");
  });

  it("echoes a listed origin, varies by Origin, and gives an unlisted one nothing", () => {
    expect(corsResponseHeaders(request("GET", "/api/claims", fromNotebook), listed)).toMatchObject({ "Access-Control-Allow-Origin": "https://notebook.example.org", Vary: "Origin" });
    expect(corsResponseHeaders(request("GET", "/api/claims", fromElsewhere), listed)).toEqual({ Vary: "Origin" });
    expect(corsResponseHeaders(request("GET", "/api/claims"), listed)).toEqual({ Vary: "Origin" });
    expect(corsResponseHeaders(request("GET", "/api/claims", fromNotebook), none)).toEqual({});
  });

  it("never enables a write, a page or a session endpoint", () => {
    for (const method of ["POST", "PATCH", "DELETE", "PUT"]) {
      expect(corsResponseHeaders(request(method, "/api/claims", fromNotebook), any), method).toEqual({});
    }
    expect(corsResponseHeaders(request("GET", "/claims/3", fromNotebook), any)).toEqual({});
    expect(corsResponseHeaders(request("GET", "/api/auth/get-session", fromNotebook), any)).toEqual({});
  });

  it("answers a read's preflight with 204, and refuses a write's with 403 and no CORS headers", async () => {
    const read = corsPreflight(request("OPTIONS", "/api/claims", { ...fromNotebook, "access-control-request-method": "GET", "access-control-request-headers": "authorization" }), listed)!;
    expect(read.status).toBe(204);
    expect(Object.fromEntries(read.headers)).toEqual({
      "access-control-allow-origin": "https://notebook.example.org",
      "access-control-allow-methods": "GET, HEAD",
      "access-control-allow-headers": "Authorization, Content-Type, If-None-Match",
      "access-control-max-age": "600",
      vary: "Origin",
    });
    for (const [method, policy, headers] of [
      ["POST", any, fromNotebook],
      ["DELETE", any, fromNotebook],
      ["PATCH", listed, fromNotebook],
      ["GET", listed, fromElsewhere],
      ["GET", none, fromNotebook],
    ] as const) {
      const refused = corsPreflight(request("OPTIONS", "/api/claims/1", { ...headers, "access-control-request-method": method }), policy)!;
      expect(refused.status, `${method} ${policy.allow}`).toBe(403);
      expect([...refused.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
    }
    expect(corsPreflight(request("OPTIONS", "/claims/3", { ...fromNotebook, "access-control-request-method": "GET" }), any)!.status).toBe(403);
  });

  it("leaves requests that are not preflights alone", () => {
    expect(corsPreflight(request("OPTIONS", "/api/claims"), any)).toBeNull();
    expect(corsPreflight(request("OPTIONS", "/api/claims", fromNotebook), any)).toBeNull();
    expect(corsPreflight(request("GET", "/api/claims", { ...fromNotebook, "access-control-request-method": "GET" }), any)).toBeNull();
  });
});
