import Link from "next/link";

export const dynamic = "force-dynamic";

export default function DashboardPage() {
  return (
    <div className="page-intro">
      <h1>Claimtrail</h1>
      <p>
        <Link href="/claims">Browse claims</Link>
      </p>
    </div>
  );
}
