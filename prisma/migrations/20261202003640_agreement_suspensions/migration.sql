-- CreateTable
CREATE TABLE "AgreementSuspension" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "suspendedById" UUID,
    "suspendedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,
    "liftedById" UUID,
    "liftedAt" TIMESTAMPTZ(3),
    "liftReason" TEXT,

    CONSTRAINT "AgreementSuspension_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AgreementSuspension_agreementId_liftedAt_idx" ON "AgreementSuspension"("agreementId", "liftedAt");

-- CreateIndex
CREATE INDEX "AgreementSuspension_organisationId_idx" ON "AgreementSuspension"("organisationId");

-- AddForeignKey
ALTER TABLE "AgreementSuspension" ADD CONSTRAINT "AgreementSuspension_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSuspension" ADD CONSTRAINT "AgreementSuspension_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Backfill: every agreement suspended before suspensions were recorded per organisation gets the
-- suspension it had, imposed by the organisation of the person who last suspended it (from its
-- status history). Where that person is not recorded, every signing party (controller or joint
-- controller) holds a suspension, so the agreement is reinstated only when all of them lift theirs.
INSERT INTO "AgreementSuspension" ("id", "agreementId", "organisationId", "suspendedById", "suspendedAt", "reason")
SELECT gen_random_uuid(), a."id", u."organisationId", h."actorId", h."at", COALESCE(h."reason", 'Suspended')
FROM "Agreement" a
JOIN LATERAL (
  SELECT c."actorId", c."at", c."reason" FROM "AgreementStatusChange" c
  WHERE c."agreementId" = a."id" AND c."toStatus" = 'SUSPENDED'
  ORDER BY c."at" DESC LIMIT 1
) h ON TRUE
JOIN "User" u ON u."id" = h."actorId"
WHERE a."status" = 'SUSPENDED';

INSERT INTO "AgreementSuspension" ("id", "agreementId", "organisationId", "suspendedAt", "reason")
SELECT gen_random_uuid(), a."id", p."organisationId", CURRENT_TIMESTAMP, 'Suspended before suspensions were recorded per party'
FROM "Agreement" a
JOIN "AgreementParty" p ON p."agreementId" = a."id" AND p."role" IN ('CONTROLLER', 'JOINT_CONTROLLER')
WHERE a."status" = 'SUSPENDED'
  AND NOT EXISTS (SELECT 1 FROM "AgreementSuspension" s WHERE s."agreementId" = a."id");
