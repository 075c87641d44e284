import type { EntityKind, Prisma } from "~/generated/prisma/client";
import type { z } from "zod";
import type {
  addressSchema,
  handleSchema,
  organisationEntitySchema,
  personSchema,
  phoneSchema,
  vehicleSchema,
} from "./forms";
import { ENTITY_KIND_LABELS } from "./labels";
import {
  NICKNAME_PREFIX,
  nicknameKey,
  normaliseAddress,
  normaliseHandle,
  normaliseName,
  normaliseOrganisationName,
  normalisePhone,
  normaliseRegistration,
} from "./normalise";

/**
 * Turning an "add a person / vehicle / …" form into SubmissionEntity rows: one row per matchable
 * identifier. A person with a nickname gives two rows (the name and NICKNAME:…), sharing a
 * `group` id in details so they are shown and removed together.
 */
export interface EntityRow {
  kind: EntityKind;
  displayValue: string;
  normalisedValue: string;
  details: Prisma.InputJsonObject;
}

export type EntityInput =
  | { kind: "PERSON"; data: z.infer<typeof personSchema> }
  | { kind: "VEHICLE"; data: z.infer<typeof vehicleSchema> }
  | { kind: "ADDRESS"; data: z.infer<typeof addressSchema> }
  | { kind: "PHONE"; data: z.infer<typeof phoneSchema> }
  | { kind: "ONLINE_HANDLE"; data: z.infer<typeof handleSchema> }
  | { kind: "ORGANISATION"; data: z.infer<typeof organisationEntitySchema> };

function required(key: string | null): string {
  // The form schemas have already refused values that do not normalise.
  if (key === null) throw new Error("identifier did not normalise after validation");
  return key;
}

export function entityRows(input: EntityInput, group: string): EntityRow[] {
  switch (input.kind) {
    case "PERSON": {
      const { name, nickname, dateOfBirth, ageRange } = input.data;
      const details = { group, name, nickname, dateOfBirth, ageRange };
      const rows: EntityRow[] = [];
      if (name) rows.push({ kind: "PERSON", displayValue: name, normalisedValue: required(normaliseName(name)), details });
      if (nickname) {
        rows.push({ kind: "PERSON", displayValue: nickname, normalisedValue: required(nicknameKey(nickname)), details: { ...details, isNickname: true } });
      }
      return rows;
    }
    case "VEHICLE": {
      const { registration, make, colour } = input.data;
      return [{ kind: "VEHICLE", displayValue: registration, normalisedValue: required(normaliseRegistration(registration)), details: { group, make, colour } }];
    }
    case "ADDRESS": {
      const { address, postcode } = input.data;
      const full = postcode ? `${address}, ${postcode}` : address;
      return [{ kind: "ADDRESS", displayValue: full, normalisedValue: required(normaliseAddress(full)), details: { group, postcode } }];
    }
    case "PHONE":
      return [{ kind: "PHONE", displayValue: input.data.phone, normalisedValue: required(normalisePhone(input.data.phone)), details: { group } }];
    case "ONLINE_HANDLE": {
      const { handle, platform } = input.data;
      return [{ kind: "ONLINE_HANDLE", displayValue: handle, normalisedValue: required(normaliseHandle(handle)), details: { group, platform } }];
    }
    case "ORGANISATION":
      return [
        {
          kind: "ORGANISATION",
          displayValue: input.data.name,
          normalisedValue: required(normaliseOrganisationName(input.data.name)),
          details: { group },
        },
      ];
  }
}

type StoredEntity = { id: string; kind: EntityKind; displayValue: string; normalisedValue: string; details: unknown };

export interface EntitySummary {
  group: string;
  kind: EntityKind;
  kindLabel: string;
  /** The main identifier, as typed. */
  value: string;
  /** Other facts, e.g. "Nickname: Tiny", "Blue Ford Focus". */
  facts: string[];
  /** The matching keys of all rows in the group. */
  keys: { kind: EntityKind; normalisedValue: string }[];
}

function detail(details: unknown, key: string): string | null {
  if (details && typeof details === "object" && key in details) {
    const value = (details as Record<string, unknown>)[key];
    return typeof value === "string" && value !== "" ? value : null;
  }
  return null;
}

/** Stored rows grouped back into the things the partner described, for display. */
export function summariseEntities(rows: StoredEntity[]): EntitySummary[] {
  const groups = new Map<string, StoredEntity[]>();
  for (const row of rows) {
    const group = detail(row.details, "group") ?? row.id;
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  return [...groups.entries()].map(([group, members]) => {
    const first = members[0]!;
    const facts: string[] = [];
    let value = first.displayValue;
    if (first.kind === "PERSON") {
      const name = detail(first.details, "name");
      const nickname = detail(first.details, "nickname");
      value = name ?? "Name not known";
      if (nickname) facts.push(`Known as: ${nickname}`);
      const dob = detail(first.details, "dateOfBirth");
      if (dob) facts.push(`Date of birth: ${dob.split("-").reverse().join("/")}`);
      const age = detail(first.details, "ageRange");
      if (age) facts.push(`Age: ${age}`);
    }
    if (first.kind === "VEHICLE") {
      const description = [detail(first.details, "colour"), detail(first.details, "make")].filter(Boolean).join(" ");
      if (description) facts.push(description);
    }
    if (first.kind === "ONLINE_HANDLE") {
      const platform = detail(first.details, "platform");
      if (platform) facts.push(`On: ${platform}`);
    }
    if (first.kind === "PHONE") facts.push(`Matched as ${first.normalisedValue}`);
    return {
      group,
      kind: first.kind,
      kindLabel: ENTITY_KIND_LABELS[first.kind],
      value,
      facts,
      keys: members.map((m) => ({ kind: m.kind, normalisedValue: m.normalisedValue })),
    };
  });
}

/** How a matching key reads to an analyst ("Nickname TINY", "Phone +447700900123"). */
export function describeKey(key: { kind: EntityKind; normalisedValue: string }): string {
  if (key.kind === "PERSON" && key.normalisedValue.startsWith(NICKNAME_PREFIX)) {
    return `Nickname ${key.normalisedValue.slice(NICKNAME_PREFIX.length)}`;
  }
  return `${ENTITY_KIND_LABELS[key.kind]} ${key.normalisedValue}`;
}

/** The form of one thing the partner described, filled in from its stored rows (to change it). */
export function entityFormValues(rows: StoredEntity[]): Record<string, string> {
  const first = rows[0];
  if (!first) return {};
  const d = (key: string) => detail(first.details, key) ?? "";
  switch (first.kind) {
    case "PERSON":
      return { name: d("name"), nickname: d("nickname"), dateOfBirth: d("dateOfBirth"), ageRange: d("ageRange") };
    case "VEHICLE":
      return { registration: first.displayValue, make: d("make"), colour: d("colour") };
    case "ADDRESS": {
      // Stored as "address, postcode" (entityRows): the postcode goes back in its own box.
      const postcode = d("postcode");
      const suffix = postcode ? `, ${postcode}` : "";
      return { address: suffix && first.displayValue.endsWith(suffix) ? first.displayValue.slice(0, -suffix.length) : first.displayValue, postcode };
    }
    case "PHONE":
      return { phone: first.displayValue };
    case "ONLINE_HANDLE":
      return { handle: first.displayValue, platform: d("platform") };
    case "ORGANISATION":
      return { name: first.displayValue };
  }
}
