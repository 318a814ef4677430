import { describe, expect, it } from "vitest";
import { clientAddressOf, stampClientAddress, CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { parseTrustedProxies, proxyMatcher } from "@/lib/http/trusted-proxies";
import { parseEnv } from "@/lib/env";

const trusting = (spec: string) => {
  const parsed = parseTrustedProxies(spec);
  if (!parsed.ok) throw new Error(parsed.message);
  return proxyMatcher(parsed.ranges);
};

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    for (const forwarded of ["1.1.1.1", "1.1.1.1, 2.2.2.2", undefined]) expect(clientAddressOf("203.0.113.9", forwarded, trusting(""))).toBe("203.0.113.9");
  });

  it("is the right-most untrusted hop when the peer is a trusted proxy", () => {
    const trusted = trusting("10.0.0.0/24, 192.0.2.7");
    expect(clientAddressOf("10.0.0.5", "6.6.6.6, 198.51.100.4", trusted)).toBe("198.51.100.4");
    expect(clientAddressOf("10.0.0.5", "6.6.6.6, 198.51.100.4, 192.0.2.7", trusted)).toBe("198.51.100.4");
    expect(clientAddressOf("::ffff:10.0.0.5", "198.51.100.4", trusted)).toBe("198.51.100.4");
    // Not a trusted proxy: its X-Forwarded-For is whatever its client wrote.
    expect(clientAddressOf("10.0.1.5", "198.51.100.4", trusted)).toBe("10.0.1.5");
  });

  it("replaces whatever the client sent under the stamp header", () => {
    const headers: Record<string, string | string[] | undefined> = { [CLIENT_ADDRESS_HEADER]: "1.2.3.4", "x-forwarded-for": "5.6.7.8" };
    stampClientAddress(headers, "203.0.113.9", trusting(""));
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.9");
  });

  it("TRUSTED_PROXIES refuses what is not an address or range, naming it", () => {
    expect(() => parseEnv({ TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES.*10\.0\.0\.0\/33/);
    expect(() => parseEnv({ TRUSTED_PROXIES: "proxy.local" })).toThrow(/TRUSTED_PROXIES.*proxy\.local/);
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.1, fd00::/8" }).TRUSTED_PROXIES).toHaveLength(2);
  });
});
