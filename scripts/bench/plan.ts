/**
 * The benchmark data set's shape, shared by the generator (scripts/bench/data.ts) and the load
 * driver (scripts/bench/run.ts). Every id is derived (md5 of a name, as a uuid), so the driver
 * knows which users, records and identifiers exist without reading them back.
 */
import { createHash } from "node:crypto";

export type BenchScale = "full" | "small" | "tiny";

export interface Plan {
  scale: BenchScale;
  organisations: number;
  usersPerOrganisation: number;
  agreements: number;
  submissions: number;
  /** Entities per submission. */
  entitiesPer: number;
  threats: number;
  auditEvents: number;
  /** Distinct nicknames: each names submissions / nicknames records (a "common nickname"). */
  nicknames: number;
}

export function benchPlan(scale = process.env.BENCH_SCALE ?? "full"): Plan {
  if (scale !== "full" && scale !== "small" && scale !== "tiny") {
    throw new Error(`BENCH_SCALE must be full, small or tiny (got "${scale}")`);
  }
  const divisor = scale === "full" ? 1 : scale === "small" ? 10 : 500;
  return {
    scale,
    organisations: 50,
    usersPerOrganisation: 40,
    agreements: 200,
    submissions: 1_000_000 / divisor,
    entitiesPer: 3,
    threats: Math.max(100, 20_000 / divisor),
    auditEvents: 5_000_000 / divisor,
    nicknames: Math.max(10, 600 / divisor),
  };
}

/** PostgreSQL's `md5(text)::uuid`, in JavaScript. */
export function uuidOf(name: string): string {
  const h = createHash("md5").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const POLICE_FORCE = 0;
export const ROCU = 1;

/** Users are numbered organisation * usersPerOrganisation + j; j decides the roles. */
export function userRoles(organisation: number, j: number): string[] {
  const police = organisation === POLICE_FORCE || organisation === ROCU;
  if (police) {
    if (j < 30) return ["POLICE_ANALYST"];
    if (j < 36) return ["INTELLIGENCE_SUPERVISOR"];
    if (j < 38) return ["DATA_PROTECTION_OFFICER"];
    return ["SYSTEM_ADMINISTRATOR"];
  }
  if (j < 30) return ["PARTNER_SUBMITTER"];
  if (j < 38) return ["PARTNER_MANAGER"];
  return ["DATA_PROTECTION_OFFICER"];
}

export function userEmail(u: number): string {
  return `bench.user${u}@bench.example`;
}

export const userId = (u: number) => uuidOf(`user${u}`);
export const organisationId = (o: number) => uuidOf(`org${o}`);
export const submissionId = (s: number) => uuidOf(`sub${s}`);

/** The partner organisation that made submission s (never a police organisation). */
export const submissionOrganisation = (plan: Plan, s: number) => 2 + (s % (plan.organisations - 2));

/** A phone number named in submission s, as typed and normalised (shared by about two submissions). */
export function phoneOf(plan: Plan, s: number): { display: string; normalised: string } {
  const n = String(100000 + ((s * 7) % Math.max(1000, Math.floor(plan.submissions / 2)))).padStart(6, "0");
  return { display: `07700 ${n}`, normalised: `+447700${n}` };
}

/** The rare word in submission s's narrative (exactly one submission has it). */
/** The newest submission that is open and visible to the police analyst (an active agreement, OFFICIAL). */
export function openVisibleSubmission(p: Plan): number {
  for (let s = p.submissions - 1; s >= 0; s -= 1) {
    const org = 2 + (s % (p.organisations - 2));
    const agreement = org - 2 + (p.organisations - 2) * (Math.floor(s / (p.organisations - 2)) % 4);
    if (s % 100 >= 2 && s % 100 < 12 && s % 10 !== 0 && agreement % 10 <= 5) return s;
  }
  throw new Error("No open submission in the data set");
}

export const rareWordOf = (s: number) => `zq${s.toString(16)}x`;

export const NICKNAME_WORDS = ["TINY", "BIG", "RED", "ACE", "DUKE", "FLASH", "GHOST", "JUNIOR", "KING", "LUCKY"];
