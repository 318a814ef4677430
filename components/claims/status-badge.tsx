import { readableTextColour } from "@/lib/vocabulary/contrast";

/** A status as a coloured pill whose text colour keeps WCAG contrast on any background. */
export function StatusBadge({ status }: { status: { label: string; colour: string } }) {
  return (
    <span className="badge" style={{ background: status.colour, color: readableTextColour(status.colour) }}>
      {status.label}
    </span>
  );
}
