/**
 * The cluster's processes talk over one IPC channel, each module on a channel name of its
 * own (write turns, heartbeats, connections); every listener sees every message and keeps
 * those of its channel.
 */
export function channelGuard<M extends { channel: string }>(channel: M["channel"]): (message: unknown) => message is M {
  return (message: unknown): message is M => typeof message === "object" && message !== null && (message as { channel?: unknown }).channel === channel;
}
