"use client";

import { useRef, type ReactNode } from "react";

/** A <details> menu that Escape closes, returning focus to its button, as menus do. */
export function EscapeClosesDetails({ className, summary, children }: { className?: string; summary: ReactNode; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  return (
    <details
      ref={details}
      className={className}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !details.current?.open) return;
        details.current.open = false;
        details.current.querySelector("summary")?.focus();
      }}
    >
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
