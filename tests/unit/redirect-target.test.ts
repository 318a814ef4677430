import { describe, expect, it } from "vitest";
import { REDIRECT_FALLBACK, sameSitePath } from "@/lib/http/redirect-target";

/* Redirect targets stay on the site (issue 11, finding 3); the browser test follows the same strings in Chromium. */

describe("sameSitePath", () => {
  it.each([
    ["/\\evil.example", "a backslash, which browsers read as a slash"],
    ["/\t/evil.example", "a tab, which URL parsers drop"],
    ["/\r\nSet-Cookie:x=1", "CR LF, which would split the header"],
    ["/\u0000a", "a NUL byte"],
    ["//evil.example", "a protocol-relative address"],
    ["///evil.example", "three slashes"],
    ["https://evil.example/", "an absolute address"],
    ["https:evil.example", "a scheme without slashes"],
    ["javascript:alert(1)", "a script address"],
    ["evil.example", "a relative address"],
    ["", "nothing"],
    [undefined, "no value"],
    [["/claims", "/matrix"], "a repeated parameter"],
  ] as [unknown, string][])("refuses %j (%s)", (value) => {
    expect(sameSitePath(value)).toBe(REDIRECT_FALLBACK);
  });

  it.each([
    ["/", "/"],
    ["/claims?q=peskov&status=false#results", "/claims?q=peskov&status=false#results"],
    ["/claims/3", "/claims/3"],
    ["/claims?q=Песков", "/claims?q=%D0%9F%D0%B5%D1%81%D0%BA%D0%BE%D0%B2"],
    ["/a/../admin", "/admin"],
  ])("keeps the site path %j as %j", (value, expected) => {
    expect(sameSitePath(value)).toBe(expected);
  });
});
