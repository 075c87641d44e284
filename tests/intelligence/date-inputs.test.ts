import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as whereStep from "~/routes/submissions.$id.where";
import * as addEntity from "~/routes/submissions.$id.entities.$kind";
import { signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { createSubmission, createWorld, type World } from "./fixtures";

/**
 * The "where and when" step and a person's date of birth use the GOV.UK date input: three fields
 * per date. A date that is not real comes back as that field's error (never a 500), with what was
 * typed kept; a real one is saved as the day it names.
 */
let world: World;
let cookie: string;
let draft: { id: string };

beforeAll(async () => {
  world = await createWorld();
  cookie = await signedInCookie(world.submitter.id);
  draft = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: null, status: "DRAFT" });
});

const post = (handler: typeof whereStep.action, path: string, form: Record<string, string>, params: Record<string, string>) =>
  run(handler, makeRequest(path, { cookie, form, headers: { Origin: "http://localhost" } }), params);

type Answer = { errors: Record<string, string>; values: Record<string, string> };

describe("where and when", () => {
  const where = (dates: Record<string, string>) =>
    post(whereStep.action, `/submissions/${draft.id}/where`, { areaId: world.area.id, ...dates }, { id: draft.id });

  it("gives an impossible or incomplete date as the error of its own field", async () => {
    const impossible = (await where({ "observedFromDate-day": "30", "observedFromDate-month": "2", "observedFromDate-year": "2026" })) as Answer;
    expect(statusOf(impossible)).toBe(200);
    expect(impossible.errors).toEqual({ observedFromDate: "Date it was seen or happened must be a real date" });
    expect(impossible.values).toMatchObject({ "observedFromDate-day": "30", "observedFromDate-month": "2" });

    const ended = (await where({
      "observedFromDate-day": "3", "observedFromDate-month": "1", "observedFromDate-year": "2026",
      "observedToDate-day": "4", "observedToDate-month": "", "observedToDate-year": "2026",
    })) as Answer;
    expect(ended.errors).toEqual({ observedToDate: "Date the period ended must include a month" });
    const missing = (await where({ "observedFromDate-day": "", "observedFromDate-month": "", "observedFromDate-year": "" })) as Answer;
    expect(missing.errors).toEqual({ observedFromDate: "Enter the date it was seen or happened" });
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: draft.id } })).observedFrom).toBeNull();
  });

  it("saves the day typed, and still accepts one YYYY-MM-DD value", async () => {
    const saved = await where({ "observedFromDate-day": "5", "observedFromDate-month": "Jan", "observedFromDate-year": "2026", "observedFromTime": "14:30" });
    expect(statusOf(saved)).toBe(302);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: draft.id } })).observedFrom?.toISOString()).toBe("2026-01-05T14:30:00.000Z");
    expect(statusOf(await where({ observedFromDate: "2026-01-06" }))).toBe(302);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: draft.id } })).observedFrom?.toISOString()).toBe("2026-01-06T00:00:00.000Z");
  });
});

describe("a person's date of birth", () => {
  const person = (form: Record<string, string>) =>
    post(addEntity.action, `/submissions/${draft.id}/entities/person`, { name: "Kyle Example", ...form }, { id: draft.id, kind: "person" });

  it("gives a date of birth that is not real as its field's error, and saves a real one", async () => {
    const wrong = (await person({ "dateOfBirth-day": "31", "dateOfBirth-month": "4", "dateOfBirth-year": "1990" })) as Answer;
    expect(statusOf(wrong)).toBe(200);
    expect(wrong.errors).toEqual({ dateOfBirth: "Date of birth must be a real date" });
    const letters = (await person({ "dateOfBirth-day": "x", "dateOfBirth-month": "4", "dateOfBirth-year": "1990" })) as Answer;
    expect(letters.errors).toEqual({ dateOfBirth: "Date of birth must be a real date" });

    expect(statusOf(await person({ "dateOfBirth-day": "3", "dateOfBirth-month": "4", "dateOfBirth-year": "1990" }))).toBe(302);
    const entity = await prisma.submissionEntity.findFirstOrThrow({ where: { submissionId: draft.id, kind: "PERSON" } });
    expect(entity.details).toMatchObject({ dateOfBirth: "1990-04-03" });
  });
});
