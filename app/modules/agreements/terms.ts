import { z } from "zod";
import {
  Classification,
  DataCategory,
  DpiaStatus,
  FourPStrand,
  LawfulBasis,
} from "~/generated/prisma/enums";

/**
 * The terms of one version of an information sharing agreement (ICO data sharing code contents).
 * Stored as AgreementVersion.terms; the in-force version's access-relevant terms are also copied
 * onto the Agreement row (classification ceiling, data categories, dates) for indexed access checks.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a real date");

export const agreementTermsSchema = z.object({
  title: z.string().trim().min(1, "Enter a title").max(200, "Title must be 200 characters or fewer"),
  purpose: z.string().trim().min(1, "Enter the purpose of sharing").max(5000),
  fourPStrands: z.array(z.enum(FourPStrand)).min(1, "Select at least one 4P strand"),
  lawfulBases: z.array(z.enum(LawfulBasis)).min(1, "Select the lawful basis and power to share"),
  lawfulBasisNotes: z.string().trim().max(5000).default(""),
  dataCategories: z.array(z.enum(DataCategory)).min(1, "Select the data categories that may be shared"),
  classificationCeiling: z.enum(Classification),
  handlingConditions: z.string().trim().max(5000).default(""),
  sharingMethod: z.string().trim().max(2000).default("Through the Partnership Intelligence Portal only"),
  retentionMonths: z.coerce.number().int().min(1, "Retention must be at least 1 month").max(1200),
  disposalMethod: z.string().trim().min(1, "Enter how shared records are disposed of").max(2000),
  rightsRequests: z.string().trim().min(1, "Enter how rights requests are handled").max(2000),
  breachProcedure: z.string().trim().max(2000).default(""),
  startDate: isoDate,
  endDate: isoDate,
  reviewDate: isoDate,
  dpiaReference: z.string().trim().max(100).default(""),
  dpiaStatus: z.enum(DpiaStatus),
});

export type AgreementTerms = z.infer<typeof agreementTermsSchema>;
