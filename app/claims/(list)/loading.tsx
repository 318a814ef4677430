import { SidebarPageSkeleton } from "@/components/ui/sidebar-page-skeleton";

/** Shown while a new view of the claim table loads: the page's shape, without its data. */
export default function LoadingClaims() {
  return <SidebarPageSkeleton title="Claims" loadingText="Loading claims…" rows={10} rowHeight="2rem" />;
}
