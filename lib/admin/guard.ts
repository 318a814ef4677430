import "server-only";
import { authorize, type Authorization } from "@/lib/auth/authorize";
import { getCurrentUser } from "@/lib/auth/current-user";

/** Admin pages render only for admins; the actions behind them check again. */
export async function adminAccess(): Promise<Authorization> {
  return authorize(await getCurrentUser(), "admin");
}
