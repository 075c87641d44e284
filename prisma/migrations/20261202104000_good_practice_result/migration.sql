-- Good practice records what was done and, separately, what resulted from it.
ALTER TABLE "GoodPractice" ADD COLUMN "whatResulted" TEXT NOT NULL DEFAULT '';
