import { describe, expect, it } from "vitest";
import { csvRow, toCsv } from "./csv";

describe("CSV exports", () => {
  it("neutralises anything a spreadsheet would run as a formula", () => {
    expect(csvRow(["=1+1"])).toBe("'=1+1\r\n");
    expect(csvRow(["+44 7700 900123"])).toBe("'+44 7700 900123\r\n");
    expect(csvRow(["-2"])).toBe("'-2\r\n");
    expect(csvRow(["@SUM(A1)"])).toBe("'@SUM(A1)\r\n");
    expect(csvRow(["\tTAB"])).toBe("'\tTAB\r\n");
    expect(csvRow(["\rCR"])).toBe(`"'\rCR"\r\n`);
    expect(csvRow(['=HYPERLINK("http://x","y")'])).toBe(`"'=HYPERLINK(""http://x"",""y"")"\r\n`);
  });

  it("quotes commas, quotes and line breaks, and leaves plain values alone", () => {
    expect(csvRow(["plain", "a,b", 'say "hi"', "two\nlines"])).toBe('plain,"a,b","say ""hi""","two\nlines"\r\n');
    expect(csvRow(["a", 1, null, undefined])).toBe("a,1,,\r\n");
    expect(csvRow([{ a: 1 }, 5n, new Date("2026-01-02T03:04:05Z")])).toBe('"{""a"":1}",5,2026-01-02T03:04:05.000Z\r\n');
  });

  it("starts a whole document with a byte order mark", () => {
    expect(toCsv([["h1", "h2"], ["=x", "y"]])).toBe("\uFEFFh1,h2\r\n'=x,y\r\n");
  });
});
