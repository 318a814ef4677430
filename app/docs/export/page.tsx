import { readFileSync } from "node:fs";
import path from "node:path";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import styles from "./docs.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Export and import: data dictionary" };

/** Heading ids from their text, so that /docs/export#import links to a section. */
function slug(children: ReactNode): string {
  const text = (Array.isArray(children) ? children : [children]).map((child) => (typeof child === "string" ? child : "")).join("");
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const components: Components = {
  h2: ({ children }) => <h2 id={slug(children)}>{children}</h2>,
  h3: ({ children }) => <h3 id={slug(children)}>{children}</h3>,
  // Wide code blocks scroll sideways; focusable so that keyboard users can scroll them too.
  pre: ({ children }) => <pre tabIndex={0}>{children}</pre>,
};

/**
 * docs/export.md, the data dictionary, served as a page: the repository's copy is the one
 * source. Raw HTML in the file is not rendered (skipHtml).
 */
export default function ExportDocsPage() {
  const markdown = readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), "docs", "export.md"), "utf8");
  return (
    <article className={styles.doc}>
      <Markdown skipHtml components={components}>
        {markdown}
      </Markdown>
    </article>
  );
}
