-- CreateEnum
CREATE TYPE "OrganisationType" AS ENUM ('POLICE_FORCE', 'REGIONAL_ORGANISED_CRIME_UNIT', 'LOCAL_AUTHORITY', 'COMMUNITY_SAFETY_PARTNERSHIP', 'HEALTH', 'FIRE_AND_RESCUE', 'PROBATION', 'HOUSING_PROVIDER', 'EDUCATION', 'VOLUNTARY_SECTOR');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PARTNER_SUBMITTER', 'PARTNER_MANAGER', 'POLICE_ANALYST', 'INTELLIGENCE_SUPERVISOR', 'DATA_PROTECTION_OFFICER', 'SYSTEM_ADMINISTRATOR');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('DRAFT', 'AWAITING_SIGNATURES', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'REVOKED');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('CONTROLLER', 'JOINT_CONTROLLER', 'PROCESSOR', 'RECIPIENT');

-- CreateEnum
CREATE TYPE "FourPStrand" AS ENUM ('PURSUE', 'PREVENT', 'PROTECT', 'PREPARE');

-- CreateEnum
CREATE TYPE "LawfulBasis" AS ENUM ('DPA_2018_PART3_S35', 'UK_GDPR_ART6_1E', 'UK_GDPR_ART9', 'UK_GDPR_ART10', 'CRIME_AND_DISORDER_ACT_1998_S115', 'PCSC_ACT_2022_S16', 'OTHER');

-- CreateEnum
CREATE TYPE "DataCategory" AS ENUM ('PERSON_IDENTIFIERS', 'ADDRESSES_AND_LOCATIONS', 'VEHICLES', 'COMMUNICATIONS_IDENTIFIERS', 'INTELLIGENCE_NARRATIVE', 'SPECIAL_CATEGORY', 'CRIMINAL_OFFENCE', 'CHILDRENS_DATA', 'FINANCIAL');

-- CreateEnum
CREATE TYPE "Classification" AS ENUM ('OFFICIAL', 'OFFICIAL_SENSITIVE');

-- CreateEnum
CREATE TYPE "DpiaStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'NOT_REQUIRED');

-- CreateEnum
CREATE TYPE "ThreatType" AS ENUM ('COUNTY_LINES', 'DRUG_SUPPLY', 'CUCKOOING', 'CHILD_CRIMINAL_EXPLOITATION', 'CHILD_SEXUAL_EXPLOITATION', 'MODERN_SLAVERY_HUMAN_TRAFFICKING', 'ORGANISED_ACQUISITIVE_CRIME_ROBBERY', 'FRAUD', 'CYBERCRIME', 'MONEY_LAUNDERING', 'FIREARMS_WEAPONS', 'ORGANISED_IMMIGRATION_CRIME', 'OTHER');

-- CreateEnum
CREATE TYPE "SourceEvaluation" AS ENUM ('RELIABLE', 'UNTESTED', 'NOT_RELIABLE');

-- CreateEnum
CREATE TYPE "IntelligenceAssessment" AS ENUM ('A', 'B', 'C', 'D', 'E');

-- CreateEnum
CREATE TYPE "HandlingCode" AS ENUM ('P', 'C');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('DRAFT', 'RECEIVED', 'BEING_ASSESSED', 'ACTIONED', 'CLOSED');

-- CreateEnum
CREATE TYPE "EntityKind" AS ENUM ('PERSON', 'VEHICLE', 'ADDRESS', 'PHONE', 'ONLINE_HANDLE', 'ORGANISATION');

-- CreateEnum
CREATE TYPE "SanitisedStatus" AS ENUM ('AWAITING_APPROVAL', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "RetentionDecisionKind" AS ENUM ('RETAIN', 'DISPOSE');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('ALLOWED', 'DENIED');

-- CreateTable
CREATE TABLE "Area" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "type" "OrganisationType" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisationId" UUID NOT NULL,
    "roles" "Role"[],
    "isAgreementSignatory" BOOLEAN NOT NULL DEFAULT false,
    "passwordHash" TEXT NOT NULL,
    "totpSecret" TEXT,
    "totpEnrolledAt" TIMESTAMPTZ(3),
    "totpLastUsedStep" BIGINT,
    "disabledAt" TIMESTAMPTZ(3),
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "mfaVerified" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "absoluteExpiresAt" TIMESTAMPTZ(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "AgreementStatus" NOT NULL DEFAULT 'DRAFT',
    "classificationCeiling" "Classification" NOT NULL DEFAULT 'OFFICIAL',
    "dataCategories" "DataCategory"[],
    "startDate" TIMESTAMPTZ(3) NOT NULL,
    "endDate" TIMESTAMPTZ(3) NOT NULL,
    "reviewDate" TIMESTAMPTZ(3) NOT NULL,
    "retentionMonths" INTEGER NOT NULL DEFAULT 24,
    "currentVersionNumber" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementParty" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "role" "PartyRole" NOT NULL,
    "leadName" TEXT NOT NULL,
    "leadEmail" TEXT NOT NULL,

    CONSTRAINT "AgreementParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementVersion" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "terms" JSONB NOT NULL,
    "changeSummary" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementSignature" (
    "id" UUID NOT NULL,
    "agreementVersionId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementStatusChange" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "fromStatus" "AgreementStatus",
    "toStatus" "AgreementStatus" NOT NULL,
    "reason" TEXT,
    "actorId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementReview" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "reviewedById" UUID NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "notes" TEXT,
    "nextReviewDate" TIMESTAMPTZ(3),

    CONSTRAINT "AgreementReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" UUID NOT NULL,
    "reference" TEXT,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'DRAFT',
    "organisationId" UUID NOT NULL,
    "submitterId" UUID NOT NULL,
    "agreementId" UUID,
    "areaId" UUID,
    "threatType" "ThreatType",
    "narrative" TEXT,
    "locationDescription" TEXT,
    "postcode" TEXT,
    "observedFrom" TIMESTAMPTZ(3),
    "observedTo" TIMESTAMPTZ(3),
    "dataCategories" "DataCategory"[],
    "classification" "Classification" NOT NULL DEFAULT 'OFFICIAL',
    "sourceEvaluation" "SourceEvaluation",
    "intelligenceAssessment" "IntelligenceAssessment",
    "handlingCode" "HandlingCode",
    "handlingConditions" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "assignedAnalystId" UUID,
    "analystSourceEvaluation" "SourceEvaluation",
    "analystIntelligenceAssessment" "IntelligenceAssessment",
    "analystHandlingCode" "HandlingCode",
    "analystNotes" TEXT,
    "riskLevel" INTEGER,
    "noFurtherActionReason" TEXT,
    "threatId" UUID,
    "reviewDueAt" TIMESTAMPTZ(3),
    "disposedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionEntity" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "displayValue" TEXT NOT NULL,
    "normalisedValue" TEXT NOT NULL,
    "details" JSONB,

    CONSTRAINT "SubmissionEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SanitisedReport" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "status" "SanitisedStatus" NOT NULL DEFAULT 'AWAITING_APPROVAL',
    "authorId" UUID NOT NULL,
    "approverId" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SanitisedReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Threat" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "threatType" "ThreatType" NOT NULL,
    "summary" TEXT,
    "organisationId" UUID NOT NULL,
    "leadAnalystId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Threat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionDecision" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "decision" "RetentionDecisionKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextReviewDate" TIMESTAMPTZ(3),

    CONSTRAINT "RetentionDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "outcome" "AuditOutcome" NOT NULL DEFAULT 'ALLOWED',
    "actorUserId" UUID,
    "actorEmail" TEXT,
    "actorOrganisationId" UUID,
    "actorRoles" "Role"[],
    "recordType" TEXT,
    "recordId" TEXT,
    "agreementId" UUID,
    "justification" TEXT,
    "justificationNote" TEXT,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "details" JSONB,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" UUID NOT NULL,
    "eventId" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_AreaToOrganisation" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_AreaToOrganisation_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_AreaToThreat" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_AreaToThreat_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Area_code_key" ON "Area"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Area_name_key" ON "Area"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE INDEX "Organisation_type_idx" ON "Organisation"("type");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_reference_key" ON "Agreement"("reference");

-- CreateIndex
CREATE INDEX "Agreement_status_endDate_idx" ON "Agreement"("status", "endDate");

-- CreateIndex
CREATE INDEX "Agreement_reviewDate_idx" ON "Agreement"("reviewDate");

-- CreateIndex
CREATE INDEX "AgreementParty_organisationId_idx" ON "AgreementParty"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementParty_agreementId_organisationId_key" ON "AgreementParty"("agreementId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementVersion_agreementId_versionNumber_key" ON "AgreementVersion"("agreementId", "versionNumber");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementSignature_agreementVersionId_organisationId_key" ON "AgreementSignature"("agreementVersionId", "organisationId");

-- CreateIndex
CREATE INDEX "AgreementStatusChange_agreementId_at_idx" ON "AgreementStatusChange"("agreementId", "at");

-- CreateIndex
CREATE INDEX "AgreementReview_agreementId_idx" ON "AgreementReview"("agreementId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_reference_key" ON "Submission"("reference");

-- CreateIndex
CREATE INDEX "Submission_organisationId_status_submittedAt_idx" ON "Submission"("organisationId", "status", "submittedAt" DESC);

-- CreateIndex
CREATE INDEX "Submission_agreementId_submittedAt_idx" ON "Submission"("agreementId", "submittedAt" DESC);

-- CreateIndex
CREATE INDEX "Submission_status_riskLevel_submittedAt_idx" ON "Submission"("status", "riskLevel" DESC, "submittedAt" DESC);

-- CreateIndex
CREATE INDEX "Submission_areaId_submittedAt_idx" ON "Submission"("areaId", "submittedAt" DESC);

-- CreateIndex
CREATE INDEX "Submission_threatId_idx" ON "Submission"("threatId");

-- CreateIndex
CREATE INDEX "Submission_reviewDueAt_idx" ON "Submission"("reviewDueAt");

-- CreateIndex
CREATE INDEX "SubmissionEntity_kind_normalisedValue_idx" ON "SubmissionEntity"("kind", "normalisedValue");

-- CreateIndex
CREATE INDEX "SubmissionEntity_submissionId_idx" ON "SubmissionEntity"("submissionId");

-- CreateIndex
CREATE INDEX "SanitisedReport_submissionId_idx" ON "SanitisedReport"("submissionId");

-- CreateIndex
CREATE INDEX "SanitisedReport_status_idx" ON "SanitisedReport"("status");

-- CreateIndex
CREATE INDEX "Feedback_submissionId_idx" ON "Feedback"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "Threat_reference_key" ON "Threat"("reference");

-- CreateIndex
CREATE INDEX "Threat_organisationId_createdAt_idx" ON "Threat"("organisationId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "RetentionDecision_submissionId_idx" ON "RetentionDecision"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorUserId_occurredAt_idx" ON "AuditEvent"("actorUserId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorOrganisationId_occurredAt_idx" ON "AuditEvent"("actorOrganisationId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_recordType_recordId_occurredAt_idx" ON "AuditEvent"("recordType", "recordId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_agreementId_occurredAt_idx" ON "AuditEvent"("agreementId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_occurredAt_idx" ON "AuditEvent"("action", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_outcome_occurredAt_idx" ON "AuditEvent"("outcome", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditCheckpoint_eventId_idx" ON "AuditCheckpoint"("eventId");

-- CreateIndex
CREATE INDEX "_AreaToOrganisation_B_index" ON "_AreaToOrganisation"("B");

-- CreateIndex
CREATE INDEX "_AreaToThreat_B_index" ON "_AreaToThreat"("B");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementParty" ADD CONSTRAINT "AgreementParty_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementParty" ADD CONSTRAINT "AgreementParty_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementVersion" ADD CONSTRAINT "AgreementVersion_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSignature" ADD CONSTRAINT "AgreementSignature_agreementVersionId_fkey" FOREIGN KEY ("agreementVersionId") REFERENCES "AgreementVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSignature" ADD CONSTRAINT "AgreementSignature_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSignature" ADD CONSTRAINT "AgreementSignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementStatusChange" ADD CONSTRAINT "AgreementStatusChange_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementReview" ADD CONSTRAINT "AgreementReview_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_assignedAnalystId_fkey" FOREIGN KEY ("assignedAnalystId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "Threat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionEntity" ADD CONSTRAINT "SubmissionEntity_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SanitisedReport" ADD CONSTRAINT "SanitisedReport_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SanitisedReport" ADD CONSTRAINT "SanitisedReport_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SanitisedReport" ADD CONSTRAINT "SanitisedReport_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Threat" ADD CONSTRAINT "Threat_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Threat" ADD CONSTRAINT "Threat_leadAnalystId_fkey" FOREIGN KEY ("leadAnalystId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionDecision" ADD CONSTRAINT "RetentionDecision_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AreaToOrganisation" ADD CONSTRAINT "_AreaToOrganisation_A_fkey" FOREIGN KEY ("A") REFERENCES "Area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AreaToOrganisation" ADD CONSTRAINT "_AreaToOrganisation_B_fkey" FOREIGN KEY ("B") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AreaToThreat" ADD CONSTRAINT "_AreaToThreat_A_fkey" FOREIGN KEY ("A") REFERENCES "Area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AreaToThreat" ADD CONSTRAINT "_AreaToThreat_B_fkey" FOREIGN KEY ("B") REFERENCES "Threat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

