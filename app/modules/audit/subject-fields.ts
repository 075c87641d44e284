import type { EntityKind } from "~/generated/prisma/enums";

/** What the subject access form asks for, shared by the page and the search. */
export const SUBJECT_FIELDS = [
  { name: "name", kind: "PERSON", label: "Full name" },
  { name: "nickname", kind: "PERSON", label: "Nickname or street name" },
  { name: "phone", kind: "PHONE", label: "Phone number" },
  { name: "handle", kind: "ONLINE_HANDLE", label: "Online handle" },
  { name: "vehicle", kind: "VEHICLE", label: "Vehicle registration" },
  { name: "address", kind: "ADDRESS", label: "Address" },
] as const satisfies readonly { name: string; kind: EntityKind; label: string }[];

export const SUBJECT_RESULTS_MAX = 200;
