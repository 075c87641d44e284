-- CreateIndex
CREATE INDEX "Threat_organisationId_updatedAt_id_idx" ON "Threat"("organisationId", "updatedAt" DESC, "id" DESC);

