"use client";

import { useEffect, useRef, type ReactNode } from "react";

const NARROW = "(max-width: 60rem)";

/**
 * The filters beside the results on a wide screen; on a phone, folded behind a "Filters"
 * button so the results come first. Open in the server's HTML (so every filter works
 * without JavaScript); folded on a narrow screen once the page runs.
 */
export function FiltersFold({ active, children }: { active: number; children: ReactNode }) {
  const fold = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const narrow = window.matchMedia(NARROW);
    const apply = () => {
      if (fold.current) fold.current.open = !narrow.matches;
    };
    apply();
    narrow.addEventListener("change", apply);
    return () => narrow.removeEventListener("change", apply);
  }, []);
  return (
    <details ref={fold} open className="filters-fold">
      <summary className="button">Filters{active > 0 ? ` (${active} active)` : ""}</summary>
      {children}
    </details>
  );
}
