import { SidebarPageSkeleton } from "@/components/ui/sidebar-page-skeleton";

/** Shown while a new view of the matrix loads: the page's shape, without its data. */
export default function LoadingMatrix() {
  return <SidebarPageSkeleton title="Stance matrix" loadingText="Loading the stance matrix…" rows={8} rowHeight="2.5rem" />;
}
