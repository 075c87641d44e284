import { describe, expect, it } from "vitest";
import {
  formatPostcode,
  formatRegistration,
  identifierCandidates,
  nicknameKey,
  normaliseAddress,
  normaliseHandle,
  normaliseIdentifier,
  normaliseName,
  normaliseOrganisationName,
  normalisePhone,
  normalisePostcode,
  normaliseRegistration,
} from "./normalise";

describe("normaliseIdentifier", () => {
  it.each([
    ["07700 900123", "+447700900123"],
    ["07700900123", "+447700900123"],
    ["+44 7700 900123", "+447700900123"],
    ["+44 (0)7700 900123", "+447700900123"],
    ["0044 7700 900123", "+447700900123"],
    ["(01952) 380000", "+441952380000"],
    ["01952-380-000", "+441952380000"],
    ["+33 1 23 45 67 89", "+33123456789"],
    ["０７７００ ９００１２３", "+447700900123"], // full-width digits from a pasted document
  ])("turns the phone number %s into E.164 %s", (typed, key) => {
    expect(normaliseIdentifier("PHONE", typed)).toBe(key);
    expect(normalisePhone(typed)).toBe(key);
  });

  it.each(["", "12345", "07700 90012", "0770090012345", "call me", "7700900123", "+0 123", "07700 900123 ext 4"])(
    "refuses %j as a phone number",
    (typed) => expect(normalisePhone(typed)).toBeNull(),
  );

  it.each([
    ["ab12 cde", "AB12CDE"],
    [" AB12-CDE ", "AB12CDE"],
    ["bd51smr", "BD51SMR"],
  ])("upper-cases registration %s without spaces", (typed, key) => expect(normaliseIdentifier("VEHICLE", typed)).toBe(key));

  it("refuses a registration that is too short or too long", () => {
    expect(normaliseRegistration("A")).toBeNull();
    expect(normaliseRegistration("ABCDEFGHIJK1")).toBeNull();
    expect(formatRegistration("A")).toBeNull();
  });

  it.each([
    ["ab12 cde", "AB12 CDE"],
    ["ab12cde", "AB12 CDE"],
    [" AB12-CDE ", "AB12 CDE"],
    ["a123 bcd", "A123BCD"], // an older mark keeps its letters and digits, upper-cased
    ["ｂｄ５１ ｓｍｒ", "BD51 SMR"], // full-width characters from a pasted document
  ])("shows registration %j as on the plate, %s, like a postcode", (typed, shown) => {
    expect(formatRegistration(typed)).toBe(shown);
    // The shown form and the typed one share one matching key.
    expect(normaliseRegistration(shown)).toBe(normaliseRegistration(typed));
  });

  it.each([
    ["@Tiny_T", "tiny_t"],
    ["  @@TINY_T ", "tiny_t"],
    ["tiny_t", "tiny_t"],
  ])("lower-cases handle %s without the leading @", (typed, key) => expect(normaliseIdentifier("ONLINE_HANDLE", typed)).toBe(key));

  it("refuses a handle with spaces or nothing in it", () => {
    expect(normaliseHandle("@")).toBeNull();
    expect(normaliseHandle("two words")).toBeNull();
  });

  it("matches names whatever the case, spacing and punctuation", () => {
    expect(normaliseIdentifier("PERSON", "  kyle   marsh ")).toBe("KYLE MARSH");
    expect(normaliseName("O’Brien-Smith, Jo")).toBe("O'BRIEN-SMITH JO");
    expect(normaliseName("   ")).toBeNull();
  });

  it("keeps nicknames apart from real names", () => {
    expect(nicknameKey("tiny")).toBe("NICKNAME:TINY");
    expect(normaliseName("Nickname: Tiny")).toBe("NICKNAME TINY");
  });

  it("treats Ltd and Limited as the same organisation", () => {
    expect(normaliseOrganisationName("Cutz Barbers Limited")).toBe(normaliseOrganisationName("cutz barbers ltd."));
  });

  it("compacts a postcode inside an address so spacing does not matter", () => {
    expect(normaliseAddress("14 Tudor Way, Worcester, WR2 5QH")).toBe(normaliseAddress("14 tudor way worcester wr25qh"));
    expect(normaliseIdentifier("ADDRESS", "Flat 6, Grange Court")).toBe("FLAT 6 GRANGE COURT");
  });

  it("is NFC/NFKC-stable: composed and decomposed accents match", () => {
    expect(normaliseName("Siân")).toBe(normaliseName("Sia\u0302n"));
  });
});

describe("postcodes", () => {
  it.each([
    ["tf3 4nt", "TF34NT", "TF3 4NT"],
    ["TF34NT", "TF34NT", "TF3 4NT"],
    ["sy11 1pz", "SY111PZ", "SY11 1PZ"],
    ["EC1A 1BB", "EC1A1BB", "EC1A 1BB"],
    ["W1A 0AX", "W1A0AX", "W1A 0AX"],
    ["gir 0aa", "GIR0AA", "GIR 0AA"],
  ])("normalises %s to %s and formats it as %s", (typed, key, formatted) => {
    expect(normalisePostcode(typed)).toBe(key);
    expect(formatPostcode(typed)).toBe(formatted);
  });

  it.each(["", "TF3", "12345", "TF3 4NTX", "QQ1 1AA0", "TF3 4CI"])("refuses %j", (typed) => {
    expect(normalisePostcode(typed)).toBeNull();
  });
});

describe("identifierCandidates", () => {
  it("offers every kind a typed value could be", () => {
    const kinds = identifierCandidates("07700 900123").map((c) => `${c.kind}:${c.normalisedValue}`);
    expect(kinds).toContain("PHONE:+447700900123");
    const nickname = identifierCandidates("@tiny").map((c) => `${c.kind}:${c.normalisedValue}`);
    expect(nickname).toContain("ONLINE_HANDLE:tiny");
    expect(nickname).toContain("PERSON:NICKNAME:TINY");
  });
});
