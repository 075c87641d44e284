import { createHash } from "node:crypto";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import type { Role } from "~/generated/prisma/enums";

/**
 * The demo region's accounts. Everyone shares one demo password; each has a TOTP secret derived
 * from their email so the README can list it and `npm run demo:code -- <email>` can print a code.
 * These accounts exist only when the demo is seeded (never by default in production).
 */
export const DEMO_PASSWORD = "WestMercia-demo-2026";

export interface DemoAccount {
  email: string;
  name: string;
  organisation: string;
  roles: Role[];
  signatory?: boolean;
  /** False for the one account left to show MFA enrolment on first sign-in. */
  mfaEnrolled?: boolean;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "ada.admin@westmercia.police.example", name: "Ada Okafor", organisation: "West Mercia Police", roles: ["SYSTEM_ADMINISTRATOR"] },
  { email: "alex.analyst@westmercia.police.example", name: "Alex Morgan", organisation: "West Mercia Police", roles: ["POLICE_ANALYST"] },
  { email: "sam.supervisor@westmercia.police.example", name: "Sam Price", organisation: "West Mercia Police", roles: ["INTELLIGENCE_SUPERVISOR"], signatory: true },
  // A second supervisor, so that one supervisor's own sanitised versions can be approved (four eyes).
  { email: "jo.supervisor@westmercia.police.example", name: "Jo Fletcher", organisation: "West Mercia Police", roles: ["INTELLIGENCE_SUPERVISOR"] },
  { email: "dana.dpo@westmercia.police.example", name: "Dana Whitfield", organisation: "West Mercia Police", roles: ["DATA_PROTECTION_OFFICER"] },
  { email: "rory.analyst@rocu.police.example", name: "Rory Bennett", organisation: "West Midlands Regional Organised Crime Unit", roles: ["POLICE_ANALYST"] },
  { email: "priya.submitter@telford.gov.example", name: "Priya Shah", organisation: "Telford & Wrekin Council", roles: ["PARTNER_SUBMITTER"] },
  { email: "mark.manager@telford.gov.example", name: "Mark Ellis", organisation: "Telford & Wrekin Council", roles: ["PARTNER_MANAGER"], signatory: true },
  { email: "tom.dpo@telford.gov.example", name: "Tom Hughes", organisation: "Telford & Wrekin Council", roles: ["DATA_PROTECTION_OFFICER"] },
  { email: "sian.submitter@shropshire.gov.example", name: "Siân Roberts", organisation: "Shropshire Council", roles: ["PARTNER_SUBMITTER"] },
  { email: "owen.manager@shropshire.gov.example", name: "Owen Davies", organisation: "Shropshire Council", roles: ["PARTNER_MANAGER"], signatory: true },
  { email: "hannah.submitter@herefordshire.gov.example", name: "Hannah Clarke", organisation: "Herefordshire Council", roles: ["PARTNER_SUBMITTER"] },
  { email: "gareth.manager@herefordshire.gov.example", name: "Gareth Powell", organisation: "Herefordshire Council", roles: ["PARTNER_MANAGER"], signatory: true },
  { email: "wendy.submitter@worcestershire.gov.example", name: "Wendy Archer", organisation: "Worcestershire County Council", roles: ["PARTNER_SUBMITTER"] },
  { email: "will.manager@worcestershire.gov.example", name: "Will Foster", organisation: "Worcestershire County Council", roles: ["PARTNER_MANAGER"], signatory: true },
  { email: "harriet.housing@severnvale.housing.example", name: "Harriet Lowe", organisation: "Severn Vale Housing", roles: ["PARTNER_SUBMITTER"] },
  { email: "gemma.manager@severnvale.housing.example", name: "Gemma Hale", organisation: "Severn Vale Housing", roles: ["PARTNER_MANAGER"], signatory: true },
  // Signs the hospital agreement that awaits the trust's signature.
  { email: "imran.manager@sath.nhs.example", name: "Dr Imran Malik", organisation: "Shrewsbury and Telford Hospital NHS Trust", roles: ["PARTNER_MANAGER"], signatory: true },
  { email: "nadia.nurse@sath.nhs.example", name: "Nadia Kaur", organisation: "Shrewsbury and Telford Hospital NHS Trust", roles: ["PARTNER_SUBMITTER"] },
  { email: "new.starter@telford.gov.example", name: "Nia Starter", organisation: "Telford & Wrekin Council", roles: ["PARTNER_SUBMITTER"], mfaEnrolled: false },
  // Reserved for the end-to-end throttling test, which locks it out on purpose; other tests leave it alone.
  { email: "jordan.reed@severnvale.housing.example", name: "Jordan Reed", organisation: "Severn Vale Housing", roles: ["PARTNER_SUBMITTER"] },
];

/** Deterministic 20-byte TOTP secret for a demo account. */
export function demoTotpSecret(email: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(createHash("sha256").update(`demo-totp:${email}`).digest().subarray(0, 20));
}

export function demoTotpSecretBase32(email: string): string {
  return encodeBase32UpperCaseNoPadding(demoTotpSecret(email));
}
