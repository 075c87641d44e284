/**
 * The link chart's layout: a small deterministic force-directed layout (Fruchterman and Reingold,
 * 1991) computed on the server, so the chart needs no client JavaScript and the same network always
 * draws the same way (nodes start on a circle in id order; no randomness). A threat's network is
 * tens of nodes, so the O(n²) repulsion over a fixed number of rounds is cheap.
 * (A well-kept library, d3-force, would replace `layoutNetwork`; it is not a dependency yet.)
 */

/** The drawing's size (the SVG's viewBox); the page scales it down to fit narrow screens. */
export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 520;

export type ChartNodeKind = "threat" | "intelligence" | "entity";

export interface ChartNode {
  id: string;
  kind: ChartNodeKind;
  label: string;
  /** A line of detail for the table (kind of entity, part, status of intelligence). */
  detail: string;
}

export interface ChartEdge {
  from: string;
  to: string;
  label: string;
}

export interface PlacedNode extends ChartNode {
  x: number;
  y: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  iterations?: number;
  /** A node held at the centre (the threat itself). */
  pinned?: string;
}

export function layoutNetwork(nodes: ChartNode[], edges: ChartEdge[], options: LayoutOptions): PlacedNode[] {
  const { width, height, iterations = 300, pinned } = options;
  const margin = 40;
  const cx = width / 2;
  const cy = height / 2;
  const ordered = [...nodes].sort((a, b) => (a.id === pinned ? -1 : b.id === pinned ? 1 : a.id.localeCompare(b.id)));
  const index = new Map(ordered.map((n, i) => [n.id, i]));
  const radius = Math.min(width, height) / 2 - margin;
  const others = ordered.length - (pinned && index.has(pinned) ? 1 : 0);
  let k = 0;
  const pos = ordered.map((n) => {
    if (n.id === pinned) return { x: cx, y: cy };
    const angle = (2 * Math.PI * k++) / Math.max(others, 1);
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  });
  const links = edges.map((e) => [index.get(e.from), index.get(e.to)]).filter((l): l is [number, number] => l[0] !== undefined && l[1] !== undefined && l[0] !== l[1]);
  // The ideal distance between nodes: the area shared out among them.
  const ideal = Math.sqrt(((width - 2 * margin) * (height - 2 * margin)) / Math.max(ordered.length, 1)) * 0.9;
  let temperature = width / 10;
  const cooling = temperature / (iterations + 1);
  for (let round = 0; round < iterations; round++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < pos.length; i++) {
      for (let j = i + 1; j < pos.length; j++) {
        let dx = pos[i]!.x - pos[j]!.x;
        let dy = pos[i]!.y - pos[j]!.y;
        let distance = Math.hypot(dx, dy);
        if (distance < 0.01) {
          // Two nodes on one spot: part them along a fixed direction (deterministic).
          dx = 0.01 * (j - i);
          dy = 0.01;
          distance = Math.hypot(dx, dy);
        }
        const force = (ideal * ideal) / distance;
        disp[i]!.x += (dx / distance) * force;
        disp[i]!.y += (dy / distance) * force;
        disp[j]!.x -= (dx / distance) * force;
        disp[j]!.y -= (dy / distance) * force;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a]!.x - pos[b]!.x;
      const dy = pos[a]!.y - pos[b]!.y;
      const distance = Math.max(Math.hypot(dx, dy), 0.01);
      const force = (distance * distance) / ideal;
      disp[a]!.x -= (dx / distance) * force;
      disp[a]!.y -= (dy / distance) * force;
      disp[b]!.x += (dx / distance) * force;
      disp[b]!.y += (dy / distance) * force;
    }
    for (let i = 0; i < pos.length; i++) {
      if (ordered[i]!.id === pinned) continue;
      const length = Math.max(Math.hypot(disp[i]!.x, disp[i]!.y), 0.01);
      const step = Math.min(length, temperature);
      pos[i]!.x = clamp(pos[i]!.x + (disp[i]!.x / length) * step, margin, width - margin);
      pos[i]!.y = clamp(pos[i]!.y + (disp[i]!.y / length) * step, margin, height - margin);
    }
    temperature -= cooling;
  }
  return ordered.map((n, i) => ({ ...n, x: Math.round(pos[i]!.x * 10) / 10, y: Math.round(pos[i]!.y * 10) / 10 }));
}

function clamp(value: number, min: number, max: number) {
  return Math.min(Math.max(value, min), max);
}
