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
  // Edge arrays; edge e and e ^ 1 are a pair (forward, residual back edge).
  private to: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];
  private adjacency: number[][] = [];

  addNode(): number {
    this.adjacency.push([]);
    return this.nodeCount++;
  }

  /** Adds u -> v; returns the edge id for flowOn(). */
  addEdge(u: number, v: number, capacity: number, cost: number): number {
    if (!Number.isInteger(cost) || cost < 0) throw new RangeError('edge cost must be a non-negative integer');
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError('edge capacity must be a non-negative integer');
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(capacity, 0);
    this.cost.push(cost, -cost);
    this.adjacency[u].push(e);
    this.adjacency[v].push(e + 1);
    return e;
  }

  /** Units of flow on a forward edge after solve(). */
  flowOn(edge: number): number {
    return this.cap[edge ^ 1];
  }

  /** Sends as much flow as possible from s to t at least total cost. */
  solve(s: number, t: number): { flow: number; cost: number } {
    const n = this.nodeCount;
    const { to, cap, cost } = this;
    // Flat adjacency for speed.
    const start = new Int32Array(n + 1);
    for (let u = 0; u < n; u++) start[u + 1] = start[u] + this.adjacency[u].length;
    const list = new Int32Array(start[n]);
    for (let u = 0, k = 0; u < n; u++) for (const e of this.adjacency[u]) list[k++] = e;

    const potential = new Float64Array(n); // all costs are >= 0, so zero potentials are feasible
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const cursor = new Int32Array(n);
    const queue = new Int32Array(n);
    const heap = new MinHeap();
    let flow = 0;
    let totalCost = 0;

    for (;;) {
      // Dijkstra on reduced costs.
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
      if (dist[t] === Infinity) break;
      for (let u = 0; u < n; u++) if (dist[u] !== Infinity) potential[u] += dist[u];

      // Blocking flows (Dinic) over admissible edges: residual and zero reduced cost.
      const admissible = (e: number, u: number): boolean => cap[e] > 0 && cost[e] + potential[u] - potential[to[e]] === 0;
      for (;;) {
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
            if (level[v] < 0 && admissible(e, u)) {
              level[v] = level[u] + 1;
              queue[tail++] = v;
            }
          }
        }
        if (level[t] < 0) break;
        for (let u = 0; u < n; u++) cursor[u] = start[u];
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
            totalCost += got * (potential[t] - potential[s]);
            // Resume from the tail of the first saturated edge.
            pathEdges.length = back;
            u = back === 0 ? s : to[pathEdges[back - 1]];
            continue;
          }
          let advanced = false;
          for (; cursor[u] < start[u + 1]; cursor[u]++) {
            const e = list[cursor[u]];
            const v = to[e];
            if (level[v] === level[u] + 1 && admissible(e, u)) {
              pathEdges.push(e);
              u = v;
              advanced = true;
              break;
            }
          }
          if (advanced) continue;
          if (u === s) break;
          level[u] = -1; // dead end for this phase
          const e = pathEdges.pop()!;
          u = to[e ^ 1];
          cursor[u]++;
        }
      }
    }
    return { flow, cost: totalCost };
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
