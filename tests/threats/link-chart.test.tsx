import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { layoutNetwork, type ChartEdge, type ChartNode } from "~/modules/threats/link-chart";
import { ScoreTrend } from "~/modules/threats/score-trend";

const nodes: ChartNode[] = [
  { id: "threat:1", kind: "threat", label: "THR-1", detail: "" },
  ...["a", "b", "c", "d", "e"].map((id): ChartNode => ({ id: `entity:${id}`, kind: "entity", label: id, detail: "" })),
  { id: "intelligence:1", kind: "intelligence", label: "INT-1", detail: "" },
];
const edges: ChartEdge[] = [
  ...nodes.slice(1).map((n) => ({ from: "threat:1", to: n.id, label: "Linked" })),
  { from: "intelligence:1", to: "entity:a", label: "Mentions" },
];

describe("link chart layout (d3-force, ticked on the server)", () => {
  it("is deterministic, keeps the threat at the centre and every node inside the drawing", () => {
    const first = layoutNetwork(nodes, edges, { width: 720, height: 520, pinned: "threat:1" });
    const again = layoutNetwork([...nodes].reverse(), edges, { width: 720, height: 520, pinned: "threat:1" });
    expect(again).toEqual(first);
    expect(first.find((n) => n.id === "threat:1")).toMatchObject({ x: 360, y: 260 });
    for (const n of first) {
      // Across, room for a centred label either side.
      expect(n.x).toBeGreaterThanOrEqual(80);
      expect(n.x).toBeLessThanOrEqual(640);
      expect(n.y).toBeGreaterThanOrEqual(40);
      expect(n.y).toBeLessThanOrEqual(480);
    }
    // No two nodes drawn on top of each other.
    const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
    for (const a of first) for (const b of first) if (a !== b) expect(distance(a, b)).toBeGreaterThan(20);
    // Links pull: the intelligence sits nearer the entity it mentions than the entities it does not.
    const at = (id: string) => first.find((n) => n.id === id)!;
    for (const other of ["entity:b", "entity:c", "entity:d", "entity:e"]) {
      expect(distance(at("intelligence:1"), at("entity:a"))).toBeLessThan(distance(at("intelligence:1"), at(other)));
    }
  });
});

describe("score trend", () => {
  it("renders an SVG with a title and a description that states the trend", () => {
    const html = renderToStaticMarkup(
      <ScoreTrend
        points={[
          { at: "2026-09-01T10:00:00Z", score: 24 },
          { at: "2026-10-01T10:00:00Z", score: 35 },
          { at: "2026-11-20T10:00:00Z", score: 55 },
        ]}
      />,
    );
    expect(html).toContain("<title");
    expect(html).toContain("3 scorings, from 24 to 55: rising");
  });
});
