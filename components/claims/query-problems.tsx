import Link from "next/link";
import type { QueryProblem } from "@/lib/claims/query/claim-query";

/** What was wrong with the link, parameter by parameter, and a way out. */
export function QueryProblems({ problems, basePath = "/claims" }: { problems: QueryProblem[]; basePath?: string }) {
  return (
    <div className="page-intro">
      <h1>This link has filters Claimtrail cannot read</h1>
      <ul className="form-message form-message--error" role="alert">
        {problems.map((problem, index) => (
          <li key={`${problem.parameter}-${index}`}>
            <code>{problem.parameter}</code>: {problem.message}
          </li>
        ))}
      </ul>
      <p>
        <Link href={basePath}>Start again without filters</Link>
      </p>
    </div>
  );
}
