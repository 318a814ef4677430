import http from "node:http";
import { msSince } from "./stats";

/**
 * Sequential GETs over one kept-alive connection: the latency of one request at a time,
 * from sending it to receiving the last byte of the body (time to full response).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export type Timed = { ms: number; status: number; bytes: number; body: Buffer; contentType: string };

export async function timedGet(url: string): Promise<Timed> {
  try {
    return await timedGetOnce(url);
  } catch (error) {
    // The server closes a kept-alive socket after 5 idle seconds (slow floors at 100k can
    // leave it idle that long); a request racing that close fails at once: send it again.
    if ((error as { retryable?: boolean }).retryable) return timedGetOnce(url);
    throw error;
  }
}

function timedGetOnce(url: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const request = http.get(url, { agent, headers: { "accept-encoding": "identity" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ ms: msSince(start), status: response.statusCode ?? 0, bytes: body.length, body, contentType: String(response.headers["content-type"] ?? "") });
      });
      response.on("error", reject);
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (request.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE")) Object.assign(error, { retryable: true });
      reject(error);
    });
  });
}

/**
 * A streamed GET that keeps nothing: counts bytes and CSV records (line ends outside
 * double quotes) as they arrive, and keeps the first line (the header).
 */
export type Streamed = { ms: number; status: number; bytes: number; records: number; header: string };

export function streamCsv(url: string, onChunk?: () => void): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const request = http.get(url, { agent: false, headers: { "accept-encoding": "identity" } }, (response) => {
      let bytes = 0;
      let records = 0;
      let inQuotes = false;
      let header = "";
      let headerDone = false;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = 0; i < chunk.length; i++) {
          const byte = chunk[i]!;
          if (byte === 0x22) inQuotes = !inQuotes;
          else if (byte === 0x0a && !inQuotes) records++;
        }
        if (!headerDone) {
          const end = chunk.indexOf(0x0a);
          header += chunk.subarray(0, end === -1 ? chunk.length : end).toString("utf8");
          headerDone = end !== -1;
        }
        onChunk?.();
      });
      response.on("end", () => resolve({ ms: msSince(start), status: response.statusCode ?? 0, bytes, records, header: header.replace(/^\uFEFF/, "").trim() }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** The whole body as a Buffer (for files the bench keeps, e.g. the import input). */
export function download(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

export function closeConnections(): void {
  agent.destroy();
}

/**
 * A GET over the kept-alive connection that also notes when `marker` first arrived: for a
 * streamed page, the time the rows are in the browser's hands, before the rest follows.
 */
export function timedGetUntil(url: string, marker: string): Promise<Timed & { markerMs: number }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const needle = Buffer.from(marker);
    let markerMs = Number.NaN;
    const request = http.get(url, { agent, headers: { "accept-encoding": "identity" } }, (response) => {
      const chunks: Buffer[] = [];
      let seen = 0;
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        seen += chunk.length;
        // Look only at the end of what arrived, including the marker's length before this chunk.
        if (Number.isNaN(markerMs) && Buffer.concat(chunks.slice(-2)).includes(needle)) markerMs = msSince(start);
      });
      response.on("end", () => {
        const body = Buffer.concat(chunks, seen);
        resolve({ ms: msSince(start), markerMs, status: response.statusCode ?? 0, bytes: body.length, body, contentType: String(response.headers["content-type"] ?? "") });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}
