-- CreateEnum
CREATE TYPE "ThreatKind" AS ENUM ('ORGANISED_CRIME_GROUP', 'COUNTY_LINE', 'NETWORK', 'PROBLEM_LOCATION');

-- CreateEnum
CREATE TYPE "ThreatStatus" AS ENUM ('EMERGING', 'ACTIVE', 'BEING_DISMANTLED', 'DORMANT', 'CLOSED');

-- CreateEnum
CREATE TYPE "ThreatPriority" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "AssessmentConfidence" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "PersonPart" AS ENUM ('SUSPECT', 'VICTIM', 'WITNESS', 'ASSOCIATE');

-- CreateEnum
CREATE TYPE "VulnerabilityFlag" AS ENUM ('CHILD', 'CRIMINAL_EXPLOITATION', 'SEXUAL_EXPLOITATION', 'CUCKOOED', 'MENTAL_HEALTH', 'SUBSTANCE_MISUSE', 'LEARNING_DISABILITY', 'MODERN_SLAVERY', 'MISSING_EPISODES');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ChbPhase" AS ENUM ('PLANNING', 'CLEAR', 'HOLD', 'BUILD', 'COMPLETE');

-- CreateEnum
CREATE TYPE "OutcomeKind" AS ENUM ('ARREST', 'CHARGE', 'CONVICTION', 'DRUGS_SEIZED', 'CASH_SEIZED', 'WEAPONS_RECOVERED', 'PEOPLE_SAFEGUARDED', 'CLOSURE_ORDER', 'DISRUPTION');

-- CreateEnum
CREATE TYPE "DisseminationKind" AS ENUM ('SANITISED_REPORT', 'THREAT_BRIEFING');

-- CreateEnum
CREATE TYPE "DisseminationStatus" AS ENUM ('AWAITING_APPROVAL', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "InformationRequestStatus" AS ENUM ('OPEN', 'ANSWERED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ProfileVersionStatus" AS ENUM ('DRAFT', 'AWAITING_APPROVAL', 'PUBLISHED', 'REJECTED', 'SUPERSEDED');

-- DropIndex
DROP INDEX "Threat_organisationId_createdAt_idx";

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "assignedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Threat" ADD COLUMN     "classification" "Classification" NOT NULL DEFAULT 'OFFICIAL',
ADD COLUMN     "kind" "ThreatKind" NOT NULL DEFAULT 'ORGANISED_CRIME_GROUP',
ADD COLUMN     "priority" "ThreatPriority",
ADD COLUMN     "priorityScore" INTEGER,
ADD COLUMN     "status" "ThreatStatus" NOT NULL DEFAULT 'EMERGING';

-- CreateTable
CREATE TABLE "ThreatEntity" (
    "id" UUID NOT NULL,
    "threatId" UUID NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "displayValue" TEXT NOT NULL,
    "normalisedValue" TEXT NOT NULL,
    "part" "PersonPart",
    "vulnerabilityFlags" "VulnerabilityFlag"[],
    "notes" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreatEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreatAssessment" (
    "id" UUID NOT NULL,
    "threatId" UUID NOT NULL,
    "harmPhysical" INTEGER NOT NULL,
    "harmPsychological" INTEGER NOT NULL,
    "harmFinancial" INTEGER NOT NULL,
    "harmCommunity" INTEGER NOT NULL,
    "harmVictimVulnerability" INTEGER NOT NULL,
    "likelihood" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,
    "capability" INTEGER NOT NULL,
    "confidence" "AssessmentConfidence" NOT NULL,
    "score" INTEGER NOT NULL,
    "priority" "ThreatPriority" NOT NULL,
    "reason" TEXT NOT NULL,
    "assessedById" UUID NOT NULL,
    "assessedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreatAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanAction" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "threatId" UUID,
    "areaPlanId" UUID,
    "strand" "FourPStrand" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "ownerOrganisationId" UUID NOT NULL,
    "dueDate" TIMESTAMPTZ(3) NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "result" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AreaPlan" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "neighbourhood" TEXT NOT NULL,
    "areaId" UUID NOT NULL,
    "leadOrganisationId" UUID NOT NULL,
    "phase" "ChbPhase" NOT NULL DEFAULT 'PLANNING',
    "clearStart" TIMESTAMPTZ(3),
    "holdStart" TIMESTAMPTZ(3),
    "buildStart" TIMESTAMPTZ(3),
    "endDate" TIMESTAMPTZ(3),
    "summary" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AreaPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AreaPlanMilestone" (
    "id" UUID NOT NULL,
    "areaPlanId" UUID NOT NULL,
    "phase" "ChbPhase" NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" TIMESTAMPTZ(3) NOT NULL,
    "achievedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AreaPlanMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outcome" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "OutcomeKind" NOT NULL,
    "occurredOn" TIMESTAMPTZ(3) NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "valuePence" BIGINT,
    "drugType" TEXT,
    "drugQuantityGrams" INTEGER,
    "sentenceMonths" INTEGER,
    "description" TEXT,
    "areaId" UUID NOT NULL,
    "threatId" UUID,
    "actionId" UUID,
    "areaPlanId" UUID,
    "organisationId" UUID NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Outcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dissemination" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "DisseminationKind" NOT NULL,
    "sanitisedReportId" UUID,
    "threatId" UUID,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "classification" "Classification" NOT NULL,
    "handlingCode" "HandlingCode" NOT NULL,
    "handlingConditions" TEXT,
    "dataCategories" "DataCategory"[],
    "senderOrganisationId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "approverId" UUID,
    "status" "DisseminationStatus" NOT NULL DEFAULT 'AWAITING_APPROVAL',
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dissemination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisseminationRecipient" (
    "id" UUID NOT NULL,
    "disseminationId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" UUID,

    CONSTRAINT "DisseminationRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InformationRequest" (
    "id" UUID NOT NULL,
    "disseminationId" UUID NOT NULL,
    "requesterOrganisationId" UUID NOT NULL,
    "requesterId" UUID NOT NULL,
    "question" TEXT NOT NULL,
    "status" "InformationRequestStatus" NOT NULL DEFAULT 'OPEN',
    "response" TEXT,
    "respondedById" UUID,
    "respondedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InformationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalProfile" (
    "id" UUID NOT NULL,
    "areaId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalProfileVersion" (
    "id" UUID NOT NULL,
    "profileId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "narrative" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "status" "ProfileVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "authorId" UUID NOT NULL,
    "approverId" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalProfileVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoodPractice" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "whatWorked" TEXT NOT NULL,
    "organisationId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "areaId" UUID,
    "threatId" UUID,
    "areaPlanId" UUID,
    "actionId" UUID,
    "outcomeId" UUID,
    "highlighted" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GoodPractice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsedFormToken" (
    "token" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "location" TEXT NOT NULL,
    "usedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsedFormToken_pkey" PRIMARY KEY ("token")
);

-- CreateTable
CREATE TABLE "_AreaPlanPartners" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_AreaPlanPartners_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_AreaPlanToThreat" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_AreaPlanToThreat_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "ThreatEntity_kind_normalisedValue_idx" ON "ThreatEntity"("kind", "normalisedValue");

-- CreateIndex
CREATE UNIQUE INDEX "ThreatEntity_threatId_kind_normalisedValue_key" ON "ThreatEntity"("threatId", "kind", "normalisedValue");

-- CreateIndex
CREATE INDEX "ThreatAssessment_threatId_assessedAt_idx" ON "ThreatAssessment"("threatId", "assessedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "PlanAction_reference_key" ON "PlanAction"("reference");

-- CreateIndex
CREATE INDEX "PlanAction_ownerOrganisationId_status_dueDate_idx" ON "PlanAction"("ownerOrganisationId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "PlanAction_threatId_strand_idx" ON "PlanAction"("threatId", "strand");

-- CreateIndex
CREATE INDEX "PlanAction_areaPlanId_idx" ON "PlanAction"("areaPlanId");

-- CreateIndex
CREATE UNIQUE INDEX "AreaPlan_reference_key" ON "AreaPlan"("reference");

-- CreateIndex
CREATE INDEX "AreaPlan_areaId_idx" ON "AreaPlan"("areaId");

-- CreateIndex
CREATE INDEX "AreaPlanMilestone_areaPlanId_dueDate_idx" ON "AreaPlanMilestone"("areaPlanId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Outcome_reference_key" ON "Outcome"("reference");

-- CreateIndex
CREATE INDEX "Outcome_occurredOn_id_idx" ON "Outcome"("occurredOn", "id");

-- CreateIndex
CREATE INDEX "Outcome_areaId_occurredOn_idx" ON "Outcome"("areaId", "occurredOn");

-- CreateIndex
CREATE INDEX "Outcome_threatId_idx" ON "Outcome"("threatId");

-- CreateIndex
CREATE INDEX "Outcome_kind_occurredOn_idx" ON "Outcome"("kind", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "Dissemination_reference_key" ON "Dissemination"("reference");

-- CreateIndex
CREATE INDEX "Dissemination_senderOrganisationId_status_createdAt_idx" ON "Dissemination"("senderOrganisationId", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Dissemination_threatId_idx" ON "Dissemination"("threatId");

-- CreateIndex
CREATE INDEX "DisseminationRecipient_organisationId_disseminationId_idx" ON "DisseminationRecipient"("organisationId", "disseminationId");

-- CreateIndex
CREATE INDEX "DisseminationRecipient_agreementId_idx" ON "DisseminationRecipient"("agreementId");

-- CreateIndex
CREATE UNIQUE INDEX "DisseminationRecipient_disseminationId_organisationId_key" ON "DisseminationRecipient"("disseminationId", "organisationId");

-- CreateIndex
CREATE INDEX "InformationRequest_disseminationId_idx" ON "InformationRequest"("disseminationId");

-- CreateIndex
CREATE INDEX "InformationRequest_requesterOrganisationId_status_idx" ON "InformationRequest"("requesterOrganisationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "LocalProfile_areaId_key" ON "LocalProfile"("areaId");

-- CreateIndex
CREATE INDEX "LocalProfileVersion_status_idx" ON "LocalProfileVersion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "LocalProfileVersion_profileId_number_key" ON "LocalProfileVersion"("profileId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "GoodPractice_reference_key" ON "GoodPractice"("reference");

-- CreateIndex
CREATE INDEX "GoodPractice_createdAt_id_idx" ON "GoodPractice"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "GoodPractice_threatId_idx" ON "GoodPractice"("threatId");

-- CreateIndex
CREATE INDEX "UsedFormToken_usedAt_idx" ON "UsedFormToken"("usedAt");

-- CreateIndex
CREATE INDEX "_AreaPlanPartners_B_index" ON "_AreaPlanPartners"("B");

-- CreateIndex
CREATE INDEX "_AreaPlanToThreat_B_index" ON "_AreaPlanToThreat"("B");

-- CreateIndex
CREATE INDEX "Threat_organisationId_createdAt_id_idx" ON "Threat"("organisationId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Threat_organisationId_priorityScore_id_idx" ON "Threat"("organisationId", "priorityScore" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Threat_status_idx" ON "Threat"("status");

-- AddForeignKey
ALTER TABLE "ThreatEntity" ADD CONSTRAINT "ThreatEntity_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "Threat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatAssessment" ADD CONSTRAINT "ThreatAssessment_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "Threat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatAssessment" ADD CONSTRAINT "ThreatAssessment_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAction" ADD CONSTRAINT "PlanAction_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "Threat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAction" ADD CONSTRAINT "PlanAction_areaPlanId_fkey" FOREIGN KEY ("areaPlanId") REFERENCES "AreaPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAction" ADD CONSTRAINT "PlanAction_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AreaPlan" ADD CONSTRAINT "AreaPlan_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AreaPlan" ADD CONSTRAINT "AreaPlan_leadOrganisationId_fkey" FOREIGN KEY ("leadOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AreaPlanMilestone" ADD CONSTRAINT "AreaPlanMilestone_areaPlanId_fkey" FOREIGN KEY ("areaPlanId") REFERENCES "AreaPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "Threat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "PlanAction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_areaPlanId_fkey" FOREIGN KEY ("areaPlanId") REFERENCES "AreaPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dissemination" ADD CONSTRAINT "Dissemination_sanitisedReportId_fkey" FOREIGN KEY ("sanitisedReportId") REFERENCES "SanitisedReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dissemination" ADD CONSTRAINT "Dissemination_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "Threat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dissemination" ADD CONSTRAINT "Dissemination_senderOrganisationId_fkey" FOREIGN KEY ("senderOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dissemination" ADD CONSTRAINT "Dissemination_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dissemination" ADD CONSTRAINT "Dissemination_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisseminationRecipient" ADD CONSTRAINT "DisseminationRecipient_disseminationId_fkey" FOREIGN KEY ("disseminationId") REFERENCES "Dissemination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisseminationRecipient" ADD CONSTRAINT "DisseminationRecipient_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisseminationRecipient" ADD CONSTRAINT "DisseminationRecipient_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_disseminationId_fkey" FOREIGN KEY ("disseminationId") REFERENCES "Dissemination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalProfile" ADD CONSTRAINT "LocalProfile_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalProfile" ADD CONSTRAINT "LocalProfile_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocalProfileVersion" ADD CONSTRAINT "LocalProfileVersion_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "LocalProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodPractice" ADD CONSTRAINT "GoodPractice_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodPractice" ADD CONSTRAINT "GoodPractice_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodPractice" ADD CONSTRAINT "GoodPractice_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "Threat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodPractice" ADD CONSTRAINT "GoodPractice_areaPlanId_fkey" FOREIGN KEY ("areaPlanId") REFERENCES "AreaPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodPractice" ADD CONSTRAINT "GoodPractice_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "PlanAction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodPractice" ADD CONSTRAINT "GoodPractice_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AreaPlanPartners" ADD CONSTRAINT "_AreaPlanPartners_A_fkey" FOREIGN KEY ("A") REFERENCES "AreaPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AreaPlanPartners" ADD CONSTRAINT "_AreaPlanPartners_B_fkey" FOREIGN KEY ("B") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AreaPlanToThreat" ADD CONSTRAINT "_AreaPlanToThreat_A_fkey" FOREIGN KEY ("A") REFERENCES "AreaPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AreaPlanToThreat" ADD CONSTRAINT "_AreaPlanToThreat_B_fkey" FOREIGN KEY ("B") REFERENCES "Threat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

