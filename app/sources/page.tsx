import type { Metadata } from "next";
import Link from "next/link";
import { FormattedDate } from "@/components/ui/formatted-date";
import { listSources } from "@/lib/sources/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  const sources = await listSources();
  return (
    <>
      <h1>Sources</h1>
      <p className="muted">Stored snapshots of the articles that claims are quoted from.</p>
      {sources.length === 0 ? (
        <p className="empty-state">No sources yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col">Published</th>
              <th scope="col" className="num">Claims</th>
              <th scope="col" className="num">Quotes</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.id}>
                <td>
                  <Link href={`/sources/${source.id}`}>{source.title}</Link>
                </td>
                <td>{source.outlet}</td>
                <td>
                  <FormattedDate iso={source.publishedAt} />
                </td>
                <td className="num">{source.claimCount}</td>
                <td className="num">{source.attributionCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
