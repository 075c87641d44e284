import { z } from "zod";

/**
 * A profile's aggregate figures: counts only, never personal data. Stored as JSON
 * (LocalProfileVersion.figures) and read back through this schema.
 */
export const PROFILE_FIGURES = [
  { key: "activeThreats", label: "Active SOC threats" },
  { key: "countyLines", label: "County lines operating" },
  { key: "organisedCrimeGroups", label: "Organised crime groups mapped" },
  { key: "intelligenceReports", label: "Partner intelligence reports (last 12 months)" },
  { key: "arrests", label: "Arrests (last 12 months)" },
  { key: "peopleSafeguarded", label: "People safeguarded (last 12 months)" },
  { key: "weaponsRecovered", label: "Weapons recovered (last 12 months)" },
] as const;

export type FigureKey = (typeof PROFILE_FIGURES)[number]["key"];
export type ProfileFigures = Record<FigureKey, number>;

const count = z.coerce.number({ message: "Enter a whole number" }).int("Enter a whole number").min(0, "Enter 0 or more").max(1_000_000, "Enter a smaller number");

export const figuresSchema = z.object(Object.fromEntries(PROFILE_FIGURES.map((f) => [f.key, count])) as Record<FigureKey, typeof count>);

export const EMPTY_FIGURES = Object.fromEntries(PROFILE_FIGURES.map((f) => [f.key, 0])) as ProfileFigures;

/** Figures as stored; anything unreadable shows as 0 rather than breaking the page. */
export function readFigures(value: unknown): ProfileFigures {
  const parsed = figuresSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_FIGURES;
}

export const PROFILE_NARRATIVE_MAX = 20_000;

/**
 * A profile is published to partners: it must never hold personal data. These catch the identifiers
 * most easily pasted by mistake (email addresses, phone numbers, full postcodes); the author and
 * the approving supervisor remain responsible for the rest.
 */
const PERSONAL_DATA_PATTERNS: { pattern: RegExp; what: string }[] = [
  { pattern: /[^\s@]+@[^\s@]+\.[^\s@]+/, what: "an email address" },
  { pattern: /(?:\+44\s?7\d{3}|\b07\d{3})\s?\d{3}\s?\d{3}\b/, what: "a phone number" },
  { pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/i, what: "a full postcode" },
];

export function personalDataIn(text: string): string | null {
  return PERSONAL_DATA_PATTERNS.find(({ pattern }) => pattern.test(text))?.what ?? null;
}

/** The draft form: narrative plus one whole number per figure. */
export const profileDraftSchema = z
  .object({
    narrative: z.string().trim().min(1, "Enter the profile's narrative").max(PROFILE_NARRATIVE_MAX, `The narrative must be ${PROFILE_NARRATIVE_MAX.toLocaleString("en-GB")} characters or fewer`),
  })
  .extend(figuresSchema.shape)
  .superRefine((value, ctx) => {
    const found = personalDataIn(value.narrative);
    if (found) ctx.addIssue({ code: "custom", path: ["narrative"], message: `Remove ${found}: a profile holds no personal data` });
  });
