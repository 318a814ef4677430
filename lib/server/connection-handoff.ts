import type { Worker } from "node:cluster";
import type http from "node:http";
import net from "node:net";
import { channelGuard } from "@/lib/server/ipc-channel";

/*
 * The primary takes every connection and hands it to a worker (docs/decisions/068).
 *
 * node:cluster's own round robin hands connections over before a byte is read, so a health
 * check lands on a worker and waits behind its reads. Here the primary reads the first
 * bytes: a connection that opens with `GET /api/health` is answered by the primary itself
 * (lib/server/heartbeat.ts); every other one goes to the next worker in turn, with the bytes
 * already read, and stays there for its whole life (keep-alive included).
 */

const CHANNEL = "claimtrail:connection";
type Message = { channel: typeof CHANNEL; head: string };

/** A liveness probe's request line; readiness (`/api/health/ready`) needs the database, so a worker answers it. */
const LIVENESS_REQUEST_LINE = /^(?:GET|HEAD) \/api\/health(?:\?\S*)? HTTP\/1\.[01]\r\n/;
/** A connection that has sent nothing after this long goes to a worker anyway, whose HTTP timeouts then apply. */
const FIRST_BYTES_WAIT_MS = 1000;
/** The request line is at the very start; more than this is never needed to recognise it. */
const PEEK_BYTES = 256;

type DispatchOptions = {
  /** The worker for the next connection, or undefined when none is ready. */
  nextWorker: () => Worker | undefined;
  /** Answers the liveness probes, and everything while no worker is ready. */
  primaryServer: http.Server;
};

/** In the primary: a TCP server whose connections go to the workers, or to `primaryServer`. */
export function dispatchConnections({ nextWorker, primaryServer }: DispatchOptions): net.Server {
  trackConnections(primaryServer);
  // noDelay as http.Server sets it on the connections it accepts itself: without it, an answer
  // written in two pieces (headers, then body) waits for the client's delayed ACK, about 40 ms.
  // It is an option of the socket, not of this process's descriptor: it holds in the worker.
  return net.createServer({ pauseOnConnect: true, noDelay: true }, (socket) => {
    let decided = false;
    const decide = (head: Buffer) => {
      if (decided) return;
      decided = true;
      clearTimeout(timer);
      socket.off("data", decide);
      socket.off("end", closedEarly);
      stopReading(socket);
      const worker = LIVENESS_REQUEST_LINE.test(head.toString("latin1", 0, PEEK_BYTES)) ? undefined : nextWorker();
      if (!worker) return serveStoppedHere(primaryServer, socket, head);
      worker.send({ channel: CHANNEL, head: head.toString("base64") } satisfies Message, socket, { keepOpen: false }, (error) => {
        if (error) socket.destroy();
      });
    };
    const closedEarly = () => {
      decided = true;
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(() => decide(Buffer.alloc(0)), FIRST_BYTES_WAIT_MS);
    socket.on("data", decide);
    socket.once("end", closedEarly);
    socket.on("error", () => socket.destroy());
    socket.once("close", () => clearTimeout(timer));
    // Created paused (pauseOnConnect), so that nothing is read before these listeners exist.
    socket.resume();
  });
}

type StreamHandle = { readStop?: () => number; reading?: boolean };
const handleOf = (socket: net.Socket) => (socket as unknown as { _handle?: StreamHandle | null })._handle;

/**
 * Stops reading a connection in this process. Node's pause() only stops handing data on:
 * the stream goes on reading the descriptor into its buffer (it reads ahead up to its
 * high-water mark, and restarts the descriptor whenever its handle says it is not reading).
 * A descriptor on its way to a worker must not be read here any more, or the request's next
 * bytes (a POST's body, the rest of its headers) land in this process and are lost: the
 * browser tests' split requests caught exactly that. So the descriptor is stopped, and its
 * handle marked as reading, which is what keeps net.Socket from starting it again.
 */
function stopReading(socket: net.Socket): void {
  socket.pause();
  const handle = handleOf(socket);
  if (handle?.readStop) {
    handle.readStop();
    handle.reading = true;
  }
}

/** Hands a connection, and the bytes already read from it, to an HTTP server of this process. */
function serveHere(server: http.Server, socket: net.Socket, head: Buffer): void {
  server.emit("connection", socket);
  if (head.length > 0) socket.emit("data", head);
  socket.resume();
}

/** Serves a connection stopped by stopReading in this process after all: reading starts again on resume. */
function serveStoppedHere(server: http.Server, socket: net.Socket, head: Buffer): void {
  const handle = handleOf(socket);
  if (handle) handle.reading = false;
  serveHere(server, socket, head);
}

const isHandoff = channelGuard<Message>(CHANNEL);

/**
 * In a worker: serve the connections the primary hands over. Returns the function that
 * stops taking them and resolves once those in progress are done (idle keep-alive
 * connections are closed; a busy one is left to finish its request).
 */
export function receiveConnections(server: http.Server): () => Promise<void> {
  trackConnections(server);
  const open = new Set<net.Socket>();
  const onMessage = (message: unknown, handle: unknown) => {
    if (!isHandoff(message) || !(handle instanceof net.Socket)) return;
    open.add(handle);
    handle.once("close", () => open.delete(handle));
    serveHere(server, handle, Buffer.from(message.head, "base64"));
  };
  process.on("message", onMessage);
  return async () => {
    process.off("message", onMessage);
    server.close();
    while (open.size > 0) {
      server.closeIdleConnections();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
}

/**
 * An HTTP server that never listens itself gets its connections by `emit("connection")`.
 * Node starts the bookkeeping behind `headersTimeout`, `requestTimeout` and
 * `closeIdleConnections()` on the server's "listening" event, so this emits it: without it a
 * client that never finishes its headers would hold its connection for ever.
 */
function trackConnections(server: http.Server): void {
  server.emit("listening");
}
