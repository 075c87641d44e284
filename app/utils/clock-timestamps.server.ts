import { readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "~/generated/prisma/client";
import { clock } from "./clock";

/**
 * Every `@default(now())` and `@updatedAt` column takes its time from the application clock
 * (app/utils/clock.ts), not from the database's `now()` or Prisma's `new Date()`.
 *
 * Why: a record's own dates (created, signed, status changed) and its audit events must agree. The
 * audit writer, sessions and agreements already read `clock.now()`; column defaults did not, so a
 * demo history written with the clock set to last October showed "created today" beside "signed
 * in October" (issue 10, "an honest demo"), and a test with a fixed clock could not assert a
 * record's dates. In production the clock is the system time, so nothing changes there.
 *
 * The columns come from prisma/schema.prisma (read once), including nested creates through
 * relations (an agreement created with its versions and history).
 */

interface ModelTimestamps {
  /** Columns with `@default(now())`: filled on create when not given. */
  createdAt: string[];
  /** Columns with `@updatedAt`: filled on create and update when not given. */
  updatedAt: string[];
  /** Relation field → related model, to fill nested creates. */
  relations: Record<string, string>;
}

export type TimestampColumns = Record<string, ModelTimestamps>;

/** Reads the timestamp columns and relations of every model from the schema's text. */
export function timestampColumns(schema: string): TimestampColumns {
  const blocks = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const models = new Set(blocks.map((block) => block[1]!));
  const columns: TimestampColumns = {};
  for (const [, model, body] of blocks) {
    const entry: ModelTimestamps = { createdAt: [], updatedAt: [], relations: {} };
    for (const raw of body!.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      if (!line || line.startsWith("@@")) continue;
      const [field, type] = line.split(/\s+/);
      if (!field || !type) continue;
      const baseType = type.replace(/[[\]?]/g, "");
      if (models.has(baseType)) entry.relations[field] = baseType;
      else if (line.includes("@default(now())")) entry.createdAt.push(field);
      else if (line.includes("@updatedAt")) entry.updatedAt.push(field);
    }
    columns[model!] = entry;
  }
  return columns;
}

let cached: TimestampColumns | null = null;

function columnsFromSchema(): TimestampColumns {
  cached ??= timestampColumns(readFileSync(path.resolve("prisma/schema.prisma"), "utf8"));
  return cached;
}

type Data = Record<string, unknown>;

const isObject = (value: unknown): value is Data => typeof value === "object" && value !== null && !(value instanceof Date);

/** `data` with the model's absent timestamp columns set to `now`, through nested creates. */
export function withTimestamps(columns: TimestampColumns, model: string, data: unknown, kind: "create" | "update", now: Date): unknown {
  if (Array.isArray(data)) return data.map((row) => withTimestamps(columns, model, row, kind, now));
  const entry = columns[model];
  if (!entry || !isObject(data)) return data;
  const out: Data = { ...data };
  for (const column of kind === "create" ? [...entry.createdAt, ...entry.updatedAt] : entry.updatedAt) {
    if (out[column] === undefined) out[column] = now;
  }
  for (const [field, related] of Object.entries(entry.relations)) {
    const nested = out[field];
    if (!isObject(nested)) continue;
    const next: Data = { ...nested };
    if (next.create !== undefined) next.create = withTimestamps(columns, related, next.create, "create", now);
    if (isObject(next.createMany)) next.createMany = { ...next.createMany, data: withTimestamps(columns, related, next.createMany.data, "create", now) };
    if (next.connectOrCreate !== undefined) {
      const each = (item: unknown) => (isObject(item) ? { ...item, create: withTimestamps(columns, related, item.create, "create", now) } : item);
      next.connectOrCreate = Array.isArray(next.connectOrCreate) ? next.connectOrCreate.map(each) : each(next.connectOrCreate);
    }
    out[field] = next;
  }
  return out;
}

/** The Prisma client with clock-based timestamps on every create, update and upsert. */
export function withClockTimestamps(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const columns = columnsFromSchema();
          const now = clock.now();
          const a = args as Data;
          if (operation === "create" || operation === "createMany" || operation === "createManyAndReturn") {
            a.data = withTimestamps(columns, model, a.data, "create", now);
          } else if (operation === "update" || operation === "updateMany" || operation === "updateManyAndReturn") {
            a.data = withTimestamps(columns, model, a.data, "update", now);
          } else if (operation === "upsert") {
            a.create = withTimestamps(columns, model, a.create, "create", now);
            a.update = withTimestamps(columns, model, a.update, "update", now);
          }
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
}
