import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";

/**
 * The link chart's layout: d3-force's force-directed simulation (links pull, nodes repel, no two
 * overlap), run on the server for a fixed number of ticks so the chart needs no client JavaScript
 * and the same network always draws the same way: nodes start on a circle in id order, the threat
 * is held at the centre, and the simulation's random source is seeded.
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
  /** The record's own page, for a node that is a record (the threat, a piece of intelligence). */
  href?: string;
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
  /** Ticks of the simulation: enough for d3's default cooling (alpha 1 down to 0.001 takes 300). */
  ticks?: number;
  /** A node held at the centre (the threat itself). */
  pinned?: string;
}

/** Space kept free at the drawing's edges: for a node's circle, and across for its label (24 characters, centred). */
const MARGIN_Y = 40;
const MARGIN_X = 80;
/** Half the least distance between two nodes' centres. */
const NODE_RADIUS = 32;

type SimNode = SimulationNodeDatum & { id: string };

/** A fixed-seed linear congruential generator, so the simulation's nudges are the same every time. */
function seededRandom(seed = 1) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

/** A force that keeps every node inside the drawing, less its margin (d3-force has no bounding force). */
function forceWithin(nodes: SimNode[], width: number, height: number) {
  return () => {
    for (const n of nodes) {
      const x = n.x! + n.vx!;
      const y = n.y! + n.vy!;
      if (x < MARGIN_X || x > width - MARGIN_X) n.vx = Math.min(Math.max(x, MARGIN_X), width - MARGIN_X) - n.x!;
      if (y < MARGIN_Y || y > height - MARGIN_Y) n.vy = Math.min(Math.max(y, MARGIN_Y), height - MARGIN_Y) - n.y!;
    }
  };
}

export function layoutNetwork(nodes: ChartNode[], edges: ChartEdge[], options: LayoutOptions): PlacedNode[] {
  const { width, height, ticks = 300, pinned } = options;
  const cx = width / 2;
  const cy = height / 2;
  const ordered = [...nodes].sort((a, b) => (a.id === pinned ? -1 : b.id === pinned ? 1 : a.id.localeCompare(b.id)));
  const ids = new Set(ordered.map((n) => n.id));
  const radius = Math.min(width, height) / 2 - MARGIN_Y;
  const others = ordered.length - (pinned && ids.has(pinned) ? 1 : 0);
  let k = 0;
  const simNodes: SimNode[] = ordered.map((n) => {
    if (n.id === pinned) return { id: n.id, x: cx, y: cy, fx: cx, fy: cy };
    const angle = (2 * Math.PI * k++) / Math.max(others, 1);
    return { id: n.id, x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  });
  const links: SimulationLinkDatum<SimNode>[] = edges
    .filter((e) => e.from !== e.to && ids.has(e.from) && ids.has(e.to))
    .map((e) => ({ source: e.from, target: e.to }));
  // The ideal distance between linked nodes: the drawing's area shared out among the nodes.
  const ideal = Math.sqrt(((width - 2 * MARGIN_X) * (height - 2 * MARGIN_Y)) / Math.max(ordered.length, 1));
  const simulation = forceSimulation(simNodes)
    .randomSource(seededRandom())
    .force("link", forceLink<SimNode, SimulationLinkDatum<SimNode>>(links).id((n) => n.id).distance(ideal))
    .force("charge", forceManyBody<SimNode>().strength(-ideal * 6))
    .force("center", forceCenter(cx, cy))
    .force("collide", forceCollide<SimNode>(NODE_RADIUS).iterations(2))
    .force("within", forceWithin(simNodes, width, height))
    .stop();
  simulation.tick(ticks);
  const at = new Map(simNodes.map((n) => [n.id, n]));
  return ordered.map((n) => {
    const p = at.get(n.id)!;
    return { ...n, x: Math.round(p.x! * 10) / 10, y: Math.round(p.y! * 10) / 10 };
  });
}
