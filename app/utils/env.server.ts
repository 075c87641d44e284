import { z } from "zod";

/**
 * Configuration, parsed once with zod. A missing or malformed variable stops start-up with one
 * line naming it (see `describeEnvError`), rather than failing later in a confusing place.
 */
const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    /** PostgreSQL connection string. When unset the embedded PGlite database is used. */
    DATABASE_URL: z
      .string()
      .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgres:// or postgresql:// URL")
      .optional(),
    /** PostgreSQL schema to use (tests use one schema per test file). */
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a lower-case SQL identifier")
      .default("public"),
    /** Connections in this instance's PostgreSQL pool. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
    /** PostgreSQL cancels any statement running longer than this, in ms (0: no limit); the page answers 503. */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
    /** PGlite data directory, or memory:// for a throwaway database. */
    PGLITE_DATA_DIR: z.string().min(1).default("./data/pglite"),
    /** Number of reverse proxies in front of the app whose X-Forwarded-For we trust (0 = none). */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Request and server logs (JSON lines on stdout): fatal, error, warn, info, debug, trace or silent. Defaults to info, silent under test. */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    /** Seed the demo region on an empty database. Defaults to on, except in production. */
    SEED_DEMO: booleanString.optional(),
    /** Send cookies with Secure and the __Host- prefix. Defaults to on in production. */
    COOKIE_SECURE: booleanString.optional(),
    /** Largest request body accepted, in bytes (413 beyond it). */
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
    /** Where the Ed25519 key that signs audit checkpoints lives; outside the database by design. */
    AUDIT_SIGNING_KEY_PATH: z.string().min(1).default("./data/audit-signing-key.pem"),
    /** Sign a checkpoint of the audit chain after this many new events. */
    AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().min(1).default(500),
    /** Serve GET /bench/baseline (a fixed "ok": no session, no database) for `npm run bench`. */
    BENCH_BASELINE_ROUTE: booleanString.default(false),
    /** Require a stated justification for consultation and disclosure (DPA 2018 s62(2)). */
    AUDIT_REQUIRE_JUSTIFICATION: booleanString.default(true),
  })
  .transform((env) => ({
    ...env,
    isProduction: env.NODE_ENV === "production",
    databaseKind: env.DATABASE_URL ? ("postgres" as const) : ("pglite" as const),
    seedDemo: env.SEED_DEMO ?? env.NODE_ENV !== "production",
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
    LOG_LEVEL: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? ("silent" as const) : ("info" as const)),
  }));

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new EnvError(describeEnvError(result.error));
  return result.data;
}

export class EnvError extends Error {}

function describeEnvError(error: z.ZodError): string {
  const issue = error.issues[0];
  const name = issue?.path.join(".") || "environment";
  return `Configuration error: ${name} ${issue?.message ?? "is invalid"}`;
}

let cached: Env | undefined;

/** The parsed configuration (parsed on first use, so tests can set variables first). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
