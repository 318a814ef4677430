"use client";

import Link from "next/link";

/**
 * Unexpected failures land here. The message shown is generic on purpose: raw errors can
 * carry database details; the digest lets an operator find the full error in the logs.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <div className="page-intro" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Nothing you entered has been lost: no change was saved half-way.</p>
      {digest ? (
        <p className="muted">
          Reference for the administrator: <code>{digest}</code>
        </p>
      ) : null}
      <p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>{" "}
        <Link href="/">Go to the dashboard</Link>
      </p>
    </div>
  );
}
