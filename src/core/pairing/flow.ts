/**
 * Min-cost max-flow on integer, non-negative edge costs: successive shortest paths with Johnson
 * potentials (Dijkstra on reduced costs), augmenting a whole blocking flow over the zero-reduced-cost
 * edges after each Dijkstra (the primal-dual method). Pairing graphs have few distinct path costs,
 * so there are few Dijkstra phases however many children there are.
 *
 * Deterministic: edges are scanned in insertion order, so the same graph built in the same order
 * always yields the same flow.
 */
export class FlowGraph {
  private nodeCount = 0;
  private edgeCount = 0;
  // Edge e and e ^ 1 are a pair (forward, residual back edge). Typed arrays, grown by doubling, keep
  // large graphs out of the garbage collector's way.
  private to = new Int32Array(1024);
  private cap = new Int32Array(1024);
  private cost = new Float64Array(1024);
  private from = new Int32Array(1024);

  addNode(): number {
    return this.nodeCount++;
  }

  /** Adds u -> v; returns the edge id for flowOn(). */
  addEdge(u: number, v: number, capacity: number, cost: number): number {
    if (!Number.isInteger(cost) || cost < 0) throw new RangeError('edge cost must be a non-negative integer');
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > 0x3fffffff) throw new RangeError('edge capacity must be a non-negative integer');
    const e = this.edgeCount;
    if (e + 2 > this.to.length) this.grow();
    this.to[e] = v;
    this.to[e + 1] = u;
    this.from[e] = u;
    this.from[e + 1] = v;
    this.cap[e] = capacity;
    this.cap[e + 1] = 0;
    this.cost[e] = cost;
    this.cost[e + 1] = -cost;
    this.edgeCount += 2;
    return e;
  }

  private grow(): void {
    const size = this.to.length * 2;
    const copy = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.to = copy(this.to, new Int32Array(size));
    this.cap = copy(this.cap, new Int32Array(size));
    this.cost = copy(this.cost, new Float64Array(size));
    this.from = copy(this.from, new Int32Array(size));
  }

  /** Units of flow on a forward edge after solve(). */
  flowOn(edge: number): number {
    return this.cap[edge ^ 1];
  }

  /** Sends as much flow as possible from s to t at least total cost. */
  solve(s: number, t: number): { flow: number; cost: number } {
    const r = this.residual();
    const dist = new Float64Array(r.n);
    const level = new Int32Array(r.n);
    const cursor = new Int32Array(r.n);
    const queue = new Int32Array(r.n);
    const heap = new MinHeap();
    let flow = 0;
    let totalCost = 0;
    for (;;) {
      shortestPaths(r, s, dist, heap);
      if (dist[t] === Infinity) break;
      for (let u = 0; u < r.n; u++) if (dist[u] !== Infinity) r.potential[u] += dist[u];
      const flowBefore = flow;
      while (levelGraph(r, s, t, level, queue)) {
        const got = blockingFlow(r, s, t, level, cursor);
        flow += got;
        totalCost += got * (r.potential[t] - r.potential[s]);
      }
      // Integer costs keep reduced costs exact, so every phase moves flow; stop rather than spin if not.
      if (flow === flowBefore) break;
    }
    return { flow, cost: totalCost };
  }

  /** The graph as the solver walks it: flat adjacency (edges grouped by tail, in insertion order, so runs are reproducible). */
  private residual(): Residual {
    const n = this.nodeCount;
    const m = this.edgeCount;
    const { to, cap, cost, from } = this;
    const start = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) start[from[e] + 1]++;
    for (let u = 0; u < n; u++) start[u + 1] += start[u];
    const list = new Int32Array(m);
    const fill = start.slice(0, n);
    for (let e = 0; e < m; e++) list[fill[from[e]]++] = e;
    // All costs are >= 0, so zero potentials are feasible.
    return { n, to, cap, cost, start, list, potential: new Float64Array(n) };
  }
}

/** The residual graph shared by the solver's steps; cap and potential change as flow moves. */
interface Residual {
  readonly n: number;
  readonly to: Int32Array;
  readonly cap: Int32Array;
  readonly cost: Float64Array;
  /** Node u's edges are list[start[u]] … list[start[u + 1] - 1]. */
  readonly start: Int32Array;
  readonly list: Int32Array;
  readonly potential: Float64Array;
}

/** Dijkstra on reduced costs from s over residual edges: fills dist (Infinity where unreachable). */
function shortestPaths(r: Residual, s: number, dist: Float64Array, heap: MinHeap): void {
  const { to, cap, cost, start, list, potential } = r;
  dist.fill(Infinity);
  dist[s] = 0;
  heap.clear();
  heap.push(0, s);
  while (heap.size > 0) {
    const d = heap.topKey();
    const u = heap.pop();
    if (d > dist[u]) continue;
    for (let k = start[u]; k < start[u + 1]; k++) {
      const e = list[k];
      if (cap[e] <= 0) continue;
      const v = to[e];
      const nd = d + cost[e] + potential[u] - potential[v];
      if (nd < dist[v]) {
        dist[v] = nd;
        heap.push(nd, v);
      }
    }
  }
}

/** Admissible for the blocking flows (Dinic): residual and zero reduced cost. */
function admissible(r: Residual, e: number, u: number): boolean {
  return r.cap[e] > 0 && r.cost[e] + r.potential[u] - r.potential[r.to[e]] === 0;
}

/** BFS levels over admissible edges from s; false when t is out of reach. */
function levelGraph(r: Residual, s: number, t: number, level: Int32Array, queue: Int32Array): boolean {
  const { to, start, list } = r;
  level.fill(-1);
  level[s] = 0;
  let head = 0;
  let tail = 0;
  queue[tail++] = s;
  while (head < tail) {
    const u = queue[head++];
    for (let k = start[u]; k < start[u + 1]; k++) {
      const e = list[k];
      const v = to[e];
      if (level[v] < 0 && admissible(r, e, u)) {
        level[v] = level[u] + 1;
        queue[tail++] = v;
      }
    }
  }
  return level[t] >= 0;
}

/** Augments along level-increasing admissible paths until none is left; returns the units moved. */
function blockingFlow(r: Residual, s: number, t: number, level: Int32Array, cursor: Int32Array): number {
  const { to, cap, start, list } = r;
  let flow = 0;
  for (let u = 0; u < r.n; u++) cursor[u] = start[u];
  // Iterative DFS (paths can be thousands of edges long): pathEdges[i] leads out of the i-th node.
  const pathEdges: number[] = [];
  let u = s;
  for (;;) {
    if (u === t) {
      let got = Infinity;
      for (const e of pathEdges) got = Math.min(got, cap[e]);
      let back = pathEdges.length;
      for (let i = 0; i < pathEdges.length; i++) {
        const e = pathEdges[i];
        cap[e] -= got;
        cap[e ^ 1] += got;
        if (cap[e] === 0 && back === pathEdges.length) back = i;
      }
      flow += got;
      // Resume from the tail of the first saturated edge.
      pathEdges.length = back;
      u = back === 0 ? s : to[pathEdges[back - 1]];
      continue;
    }
    let advanced = false;
    for (; cursor[u] < start[u + 1]; cursor[u]++) {
      const e = list[cursor[u]];
      const v = to[e];
      if (level[v] === level[u] + 1 && admissible(r, e, u)) {
        pathEdges.push(e);
        u = v;
        advanced = true;
        break;
      }
    }
    if (advanced) continue;
    if (u === s) return flow;
    level[u] = -1; // dead end for this phase
    const e = pathEdges.pop()!;
    u = to[e ^ 1];
    cursor[u]++;
  }
}

/** Binary min-heap of (key, node); ties pop the smaller node first so runs are reproducible. */
class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  clear(): void {
    this.keys.length = 0;
    this.nodes.length = 0;
  }
  topKey(): number {
    return this.keys[0];
  }
  private less(i: number, j: number): boolean {
    return this.keys[i] < this.keys[j] || (this.keys[i] === this.keys[j] && this.nodes[i] < this.nodes[j]);
  }
  private swap(i: number, j: number): void {
    [this.keys[i], this.keys[j]] = [this.keys[j], this.keys[i]];
    [this.nodes[i], this.nodes[j]] = [this.nodes[j], this.nodes[i]];
  }
  push(key: number, node: number): void {
    this.keys.push(key);
    this.nodes.push(node);
    let i = this.keys.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): number {
    const top = this.nodes[0];
    const lastKey = this.keys.pop()!;
    const lastNode = this.nodes.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.nodes[0] = lastNode;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
