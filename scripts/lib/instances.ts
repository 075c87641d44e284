import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

/**
 * Real portal processes for the reliability tests: each a separate Node process serving the
 * production build on its own loopback port, so tests can kill one (SIGKILL, SIGTERM) exactly as
 * a crash or an orchestrator would. Only ever loopback addresses.
 */
export interface Instance {
  origin: string;
  process: ChildProcess;
  /** Resolves with the exit code or signal once the process has gone. */
  exited: Promise<number | NodeJS.Signals | null>;
  output(): string;
  kill(signal: NodeJS.Signals): void;
}

/** A free loopback port (asked of the OS, then released for the instance to take). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the portal as `npm start` does (`node scripts/start.mjs`, the built server) without npm in
 * between, so signals reach the server itself, with the given database settings; waits until it serves.
 */
export async function startInstance(env: Record<string, string>, timeoutMs = 120_000): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve("scripts/start.mjs")], {
    env: { ...process.env, NODE_ENV: "test", SEED_DEMO: "false", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The instance exited before serving:\n${output}`);
    try {
      const response = await fetch(`${origin}/sign-in`, { redirect: "manual" });
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The instance did not serve within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { origin, process: child, exited, output: () => output, kill: (signal) => child.kill(signal) };
}

/** A form POST as a browser sends it from the portal's own pages (same-origin, urlencoded). */
export function postForm(origin: string, path: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${origin}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Cookie: cookie,
      Origin: origin,
      "Sec-Fetch-Site": "same-origin",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(fields).toString(),
  });
}

export function getPage(origin: string, path: string, cookie: string) {
  return fetch(`${origin}${path}`, { redirect: "manual", headers: { Cookie: cookie } });
}
