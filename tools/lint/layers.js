// The layers of the codebase, as lint rules (README "How the code is organised"):
// - pages, route handlers and components reach the database only through lib/ functions,
//   never lib/db/* (the reader, Prisma, the SQL builder);
// - components never import app/ (server actions live in lib/, next to their domain);
// - the app (app/, components/, lib/) never imports the tools (tools/, bench/, load/);
// - a client component ("use client") never imports, directly or through other modules, a
//   module marked `import "server-only"` or the database layer;
// - every eslint-disable comment says why, after ` -- `.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

const dbLayer = {
  group: ["@/lib/db/*", "**/lib/db/*"],
  message: "Pages and components read and write through lib/<domain> functions, not lib/db.",
};
const toolsLayer = {
  group: ["@/tools/*", "**/tools/*", "@/bench/*", "**/bench/*", "@/load/*", "**/load/*"],
  message: "The app never imports the tools (tools/, bench/, load/): they use the app, not the other way round.",
};
const appLayer = {
  group: ["@/app/*", "**/app/*"],
  message: "Components never import app/: server actions and helpers live in lib/<domain>.",
};

// `import x from "m"`, `import "m"`, `export ... from "m"` — but not `import type`, which
// leaves nothing in the bundle.
const importPattern = /^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;
const extensions = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolve(specifier, fromFile) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  for (const extension of extensions) {
    const candidate = base + extension;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

// For each file: the chain of imports that reaches server-only code, or null. Cached for the
// run, so the graph is read once however many client components share it.
const serverChains = new Map();

function serverChain(file, visiting = new Set()) {
  if (serverChains.has(file)) return serverChains.get(file);
  if (visiting.has(file)) return null;
  visiting.add(file);
  const relative = path.relative(root, file);
  let chain = null;
  if (relative.startsWith(`lib${path.sep}db${path.sep}`)) chain = [relative];
  else {
    const text = fs.readFileSync(file, "utf8");
    // A "use server" module is the boundary itself: a client imports only references to its
    // actions. A "use client" module is client code wherever it is imported from.
    if (/^\s*["']use (?:server|client)["']/.test(text)) chain = null;
    else {
      for (const [, specifier] of text.matchAll(importPattern)) {
        if (specifier === "server-only") {
          chain = [relative];
          break;
        }
        const target = resolve(specifier, file);
        const rest = target ? serverChain(target, visiting) : null;
        if (rest) {
          chain = [relative, ...rest];
          break;
        }
      }
    }
  }
  visiting.delete(file);
  serverChains.set(file, chain);
  return chain;
}

const clientBoundary = {
  meta: {
    type: "problem",
    docs: { description: "A client component never imports server-only code." },
    schema: [],
    messages: {
      serverOnly: '"use client" module imports server-only code: {{chain}}',
    },
  },
  create(context) {
    const isClient = context.sourceCode.ast.body.some(
      (node) => node.type === "ExpressionStatement" && node.directive === "use client",
    );
    if (!isClient) return {};
    function check(node) {
      if (node.importKind === "type" || node.exportKind === "type" || !node.source) return;
      const specifier = node.source.value;
      const chain =
        specifier === "server-only"
          ? ["server-only"]
          : (() => {
              const target = resolve(specifier, context.filename);
              return target ? serverChain(target) : null;
            })();
      if (chain) context.report({ node: node.source, messageId: "serverOnly", data: { chain: chain.join(" → ") } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

const disableNeedsReason = {
  meta: {
    type: "suggestion",
    docs: { description: "Every eslint-disable comment says why, after ` -- `." },
    schema: [],
    messages: { reason: "Say why this rule is off here: `eslint-disable… rule -- reason`." },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const text = comment.value.trim();
          if (/^eslint-disable/.test(text) && !/\s--\s+\S/.test(text)) {
            context.report({ loc: comment.loc, messageId: "reason" });
          }
        }
      },
    };
  },
};

const plugin = { rules: { "client-boundary": clientBoundary, "disable-needs-reason": disableNeedsReason } };

const layers = [
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { claimtrail: plugin },
    rules: {
      "claimtrail/client-boundary": "error",
      "claimtrail/disable-needs-reason": "error",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "proxy.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [dbLayer, toolsLayer] }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [dbLayer, appLayer, toolsLayer] }] },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [toolsLayer] }] },
  },
];

export default layers;
