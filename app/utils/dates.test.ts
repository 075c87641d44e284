import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDateTimeSeconds, formatTime, ukDay, ukDayEnd, ukDayStart, ukLocalToUtc, utcToUkLocal } from "./dates";

describe("one date and time format", () => {
  it("writes dates and 24-hour times in UK time, never am or pm", () => {
    expect(formatDate(new Date("2026-05-01T10:00:00Z"))).toBe("1 May 2026");
    expect(formatDateTime(new Date("2026-01-15T18:58:00Z"))).toBe("15 January 2026 at 18:58");
    expect(formatDateTime(new Date("2026-01-15T06:47:00Z"))).toBe("15 January 2026 at 06:47");
    expect(formatDateTime(new Date("2026-01-15T00:05:00Z"))).toBe("15 January 2026 at 00:05");
    expect(formatDateTimeSeconds(new Date("2026-11-28T21:40:03Z"))).toBe("28 November 2026 at 21:40:03");
    expect(formatTime("2026-07-15T13:30:00.000Z")).toBe("14:30");
    expect(formatDateTime(new Date("2026-07-15T13:30:00Z"))).not.toMatch(/am|pm/i);
  });

  it("shows British Summer Time and Greenwich Mean Time either side of the clock changes", () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(formatDateTime(new Date("2026-03-29T00:59:00Z"))).toBe("29 March 2026 at 00:59");
    expect(formatDateTime(new Date("2026-03-29T01:00:00Z"))).toBe("29 March 2026 at 02:00");
    expect(formatDateTime(new Date("2026-10-25T00:59:00Z"))).toBe("25 October 2026 at 01:59");
    expect(formatDateTime(new Date("2026-10-25T01:00:00Z"))).toBe("25 October 2026 at 01:00");
    // 23:30 UTC in summer is already the next day in the UK.
    expect(formatDate(new Date("2026-06-30T23:30:00Z"))).toBe("1 July 2026");
    expect(ukDay(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("31 December 2026");
  });

  it("formats a missing date as nothing", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDateTime(undefined)).toBe("");
  });
});

describe("reading UK dates and times", () => {
  it("converts UK local time to UTC in winter and summer", () => {
    expect(ukLocalToUtc("2026-01-15", "14:30")?.toISOString()).toBe("2026-01-15T14:30:00.000Z");
    expect(ukLocalToUtc("2026-07-15", "14:30")?.toISOString()).toBe("2026-07-15T13:30:00.000Z");
    expect(utcToUkLocal(new Date("2026-07-15T13:30:00Z"))).toEqual({ date: "2026-07-15", time: "14:30" });
  });

  it("gives clock-change days their real length", () => {
    expect(ukDayStart("2026-03-29")?.toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(ukDayEnd("2026-03-29")?.toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(ukDayStart("2026-10-25")?.toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(ukDayEnd("2026-10-25")?.toISOString()).toBe("2026-10-26T00:00:00.000Z");
  });

  it("refuses impossible dates and times", () => {
    expect(ukLocalToUtc("2026-02-30", null)).toBeNull();
    expect(ukLocalToUtc("2026-13-01", null)).toBeNull();
    expect(ukLocalToUtc("2026-01-01", "25:00")).toBeNull();
    expect(ukLocalToUtc("yesterday", null)).toBeNull();
    expect(ukDayStart("2026-2-3")).toBeNull();
  });
});
