import type { PGlite, QueryOptions, Transaction } from "@electric-sql/pglite";

/**
 * PGlite serialises a JavaScript array parameter only for the array types it knows (text[], int[]…).
 * For an enum array such as "Role"[] or "DataCategory"[] it sends `A,B`, which PostgreSQL refuses
 * ("malformed array literal"), so Prisma's array filters (`has`, `hasSome`, `hasEvery`, `equals`)
 * fail on PGlite while they work on PostgreSQL. PostgreSQL parses the array literal text `{"A","B"}`
 * for every array type, so array parameters are handed to PGlite in that form.
 */
export function withArrayLiteralParams(client: PGlite): PGlite {
  return new Proxy(client, {
    get(target, property) {
      if (property === "query") {
        return (sql: string, params?: unknown[], options?: QueryOptions) =>
          target.query(sql, params?.map(arrayParamAsLiteral), options);
      }
      if (property === "transaction") {
        return <T>(work: (tx: Transaction) => Promise<T>) => target.transaction((tx) => work(wrapTransaction(tx)));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function wrapTransaction(tx: Transaction): Transaction {
  return new Proxy(tx, {
    get(target, property) {
      if (property === "query") {
        return (sql: string, params?: unknown[], options?: QueryOptions) =>
          target.query(sql, params?.map(arrayParamAsLiteral), options);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function arrayParamAsLiteral(value: unknown): unknown {
  return Array.isArray(value) ? postgresArrayLiteral(value) : value;
}

/** The PostgreSQL text form of an array: every element quoted and escaped, NULL for null. */
export function postgresArrayLiteral(values: readonly unknown[]): string {
  return `{${values.map(arrayElement).join(",")}}`;
}

function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (Array.isArray(value)) return postgresArrayLiteral(value);
  if (ArrayBuffer.isView(value)) {
    return quote(`\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`);
  }
  if (value instanceof Date) return quote(value.toISOString());
  if (typeof value === "object") return quote(JSON.stringify(value));
  return quote(String(value));
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
