import type { Metadata } from "next";
import { openApiDocument, ROUTES } from "@/lib/openapi/document";
import styles from "../export/docs.module.css";

export const metadata: Metadata = { title: "API" };

type Operation = { summary: string; description: string; parameters?: { name: string; in: string; description: string }[]; requestBody?: unknown; responses: Record<string, { description: string }> };

/**
 * The OpenAPI description for people: every route with what it does, who may call it, its
 * parameters and its answers. The machine-readable copy is /api/openapi.json.
 */
export default function ApiDocsPage() {
  const document = openApiDocument() as { paths: Record<string, Record<string, Operation>> };
  return (
    <article className={styles.doc}>
      <h1>API</h1>
      <p>
        The JSON API and the export files, described in OpenAPI 3.1 at <a href="/api/openapi.json">/api/openapi.json</a> (load it into any OpenAPI tool to
        browse it or generate a client). Request bodies and answers are described by the same schemas that check them. Parameters of the claim list are
        explained in the <a href="/docs/export">data dictionary</a>.
      </p>
      {Object.keys(ROUTES).map((path) =>
        Object.entries(document.paths[path]!).map(([method, operation]) => (
          <section key={`${method} ${path}`} aria-labelledby={`${method}-${path}`}>
            <h2 id={`${method}-${path}`}>
              <code>
                {method.toUpperCase()} {path}
              </code>
            </h2>
            <p>
              {operation.summary}. {operation.description}
            </p>
            {operation.parameters && operation.parameters.length > 0 ? (
              <ul>
                {operation.parameters.map((parameter) => (
                  <li key={parameter.name}>
                    <code>{parameter.name}</code> ({parameter.in}): {parameter.description}
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              Answers:{" "}
              {Object.entries(operation.responses)
                .map(([status, response]) => `${status} ${response.description}`)
                .join("; ")}
              .
            </p>
          </section>
        )),
      )}
    </article>
  );
}
