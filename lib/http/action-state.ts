import type { ActionState } from "@/lib/http/action";

/** The initial state of every action form; importable from client components. */
export const IDLE: ActionState = { status: "idle" };
