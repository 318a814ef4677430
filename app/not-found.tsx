import Link from "next/link";

export default function NotFound() {
  return (
    <div className="page-intro">
      <h1>Not found</h1>
      <p>There is nothing at this address. It may have been deleted, or the link may be mistyped.</p>
      <p>
        <Link href="/claims">Browse all claims</Link>
      </p>
    </div>
  );
}
