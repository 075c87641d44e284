-- CreateEnum
CREATE TYPE "RoleGrantStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED', 'CANCELLED');

-- CreateTable
CREATE TABLE "RoleGrantRequest" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "status" "RoleGrantStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "reason" TEXT,

    CONSTRAINT "RoleGrantRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoleGrantRequest_organisationId_status_idx" ON "RoleGrantRequest"("organisationId", "status");

-- CreateIndex
CREATE INDEX "RoleGrantRequest_userId_status_idx" ON "RoleGrantRequest"("userId", "status");

-- AddForeignKey
ALTER TABLE "RoleGrantRequest" ADD CONSTRAINT "RoleGrantRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrantRequest" ADD CONSTRAINT "RoleGrantRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrantRequest" ADD CONSTRAINT "RoleGrantRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrantRequest" ADD CONSTRAINT "RoleGrantRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- One pending request per account and role: a double click or a stale form cannot queue a second.
CREATE UNIQUE INDEX "RoleGrantRequest_one_pending_per_role" ON "RoleGrantRequest"("userId", "role") WHERE "status" = 'PENDING';
