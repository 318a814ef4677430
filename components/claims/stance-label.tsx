import { STANCE_LABELS, type Stance } from "@/lib/vocabulary/terms";

export function StanceLabel({ stance }: { stance: Stance | "relays" }) {
  const label = stance === "relays" ? "relays" : STANCE_LABELS[stance];
  return <span className={`stance stance--${stance}`}>{label}</span>;
}
