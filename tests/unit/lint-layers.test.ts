import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The layer rules of eslint.config.js catch what they are for. Each case lints a small
 * module as if it stood at the given path, with the project's real configuration.
 */
const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function problems(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe("the layers, as lint rules", () => {
  it("refuses lib/db in a page and in a component", async () => {
    const page = await problems("app/example/page.tsx", 'import { prisma } from "@/lib/db/prisma";\nexport default function Page() { return <p>{String(prisma)}</p>; }\n');
    expect(page).toEqual([expect.stringMatching(/^no-restricted-imports: .*lib\/db/)]);
    const component = await problems("components/example.tsx", 'import { sql } from "@/lib/db/sql";\nexport function Example() { return <p>{String(sql)}</p>; }\n');
    expect(component).toEqual([expect.stringMatching(/^no-restricted-imports: .*lib\/db/)]);
  }, 60_000);

  it("refuses app/ in a component", async () => {
    const found = await problems("components/example.tsx", 'import { metadata } from "@/app/layout";\nexport function Example() { return <p>{String(metadata)}</p>; }\n');
    expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: .*app\//)]);
  });

  it("refuses the tools in the app: lib/, pages and components never import tools/, bench/ or load/", async () => {
    const library = await problems("lib/example.ts", 'import { createSyntheticDatabase } from "@/tools/synthetic/create";\nexport const made = createSyntheticDatabase;\n');
    expect(library).toEqual([expect.stringMatching(/^no-restricted-imports: .*never imports the tools/)]);
    const page = await problems("app/example/page.tsx", 'import { percentile } from "@/tools/harness/stats";\nexport default function Page() { return <p>{String(percentile)}</p>; }\n');
    expect(page).toEqual([expect.stringMatching(/^no-restricted-imports: .*never imports the tools/)]);
  });

  it("refuses server-only code in a client component, through the modules in between", async () => {
    const found = await problems(
      "components/example.tsx",
      '"use client";\nimport { loadClaimRecords } from "@/lib/claims/records";\nexport function Example() { return <p>{String(loadClaimRecords)}</p>; }\n',
    );
    expect(found).toEqual([expect.stringMatching(/^claimtrail\/client-boundary: .*lib\/claims\/records\.ts/)]);
  });

  it("lets a client component import server actions and types", async () => {
    const found = await problems(
      "components/example.tsx",
      '"use client";\nimport { addAnnotationAction } from "@/lib/annotations/actions";\nimport type { ClaimRecord } from "@/lib/claims/records";\nexport function Example({ claim }: { claim: ClaimRecord }) { return <p>{String(addAnnotationAction)}{claim.id}</p>; }\n',
    );
    expect(found).toEqual([]);
  });

  it("names read functions in a queries module get, find, list or load", async () => {
    const found = await problems("lib/example/queries.ts", "export async function latestThing() { return 1; }\nexport async function getThing() { return 2; }\n");
    expect(found).toEqual([expect.stringMatching(/^no-restricted-syntax: .*get…, find…, list… or load…/)]);
  });

  it("wants a reason on every eslint-disable", async () => {
    const bare = await problems("lib/example.ts", "// eslint-disable-next-line no-console\nconsole.log(1);\nexport {};\n");
    expect(bare).toContainEqual(expect.stringMatching(/^claimtrail\/disable-needs-reason/));
  });
});
