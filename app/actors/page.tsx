import type { Metadata } from "next";
import Link from "next/link";
import { listActors } from "@/lib/actors/queries";
import { ACTOR_KIND_LABELS } from "@/lib/vocabulary/terms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Actors" };

export default async function ActorsPage() {
  const actors = await listActors();
  const countLink = (actorId: number, role: string, count: number) =>
    count === 0 ? <span className="muted">0</span> : <Link href={`/claims?actor=${actorId}&role=${role}`}>{count}</Link>;
  return (
    <>
      <h1>Actors</h1>
      <p className="muted">People, governments, organisations, news outlets and unnamed sources that make, deny or relay claims.</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Role</th>
            <th scope="col">Country or affiliation</th>
            <th scope="col" className="num">Asserted</th>
            <th scope="col" className="num">Denied</th>
            <th scope="col" className="num">Other stances</th>
            <th scope="col" className="num">Relayed</th>
          </tr>
        </thead>
        <tbody>
          {actors.map((actor) => (
            <tr key={actor.id}>
              <td>
                <Link href={`/actors/${actor.id}`}>{actor.name}</Link>
                {actor.aliases.length > 0 ? <div className="muted">also: {actor.aliases.join(", ")}</div> : null}
              </td>
              <td>{ACTOR_KIND_LABELS[actor.kind]}</td>
              <td>{actor.role ?? <span className="muted">—</span>}</td>
              <td>{actor.affiliation ?? <span className="muted">—</span>}</td>
              <td className="num">{countLink(actor.id, "asserted", actor.asserted)}</td>
              <td className="num">{countLink(actor.id, "denied", actor.denied)}</td>
              <td className="num">{countLink(actor.id, "any", actor.otherStances)}</td>
              <td className="num">{countLink(actor.id, "relayed", actor.relayed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
