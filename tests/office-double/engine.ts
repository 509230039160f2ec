/**
 * The machinery of the Office.js double: proxies that queue commands like the real API, a sync() that
 * runs them in order and counts the bytes each request and response carries, and loud failures.
 *
 * - A property read before it was loaded and synced throws PropertyNotLoaded, as Office.js does.
 * - Any member the double does not model throws at once, naming the member (a double that quietly
 *   accepts `autoFitColumns` lets a test pass while the real call `autofitColumns` is never checked).
 * - A member newer than the configured ExcelApi level throws ApiNotFound.
 * - A request or response over the limit (5 MB, Excel on the web) fails the sync, as Excel does.
 */
// The port's own byte count, exact (Buffer-free, so the double also runs in the browser: tests/browser/excel).
import { utf8Length } from '../../src/workbook/office/cells';
import { OfficeDoubleError, type WorkbookState } from './state';

export type Target = unknown;

export type Member =
  /** A scalar property: readable after load + sync; writable when `set` is given. */
  | { readonly kind: 'prop'; readonly since?: number; readonly get?: (t: any, env: Env) => unknown; readonly set?: (t: any, v: any, env: Env) => void }
  /** A navigation property: returns another API object without a load (range.format). */
  | { readonly kind: 'nav'; readonly since?: number; readonly type: string; readonly get: (t: any, env: Env) => Target }
  /** A method. `returns` names the API type of the object it gives back; none for void methods. */
  | {
      readonly kind: 'method';
      readonly since?: number;
      readonly returns?: string;
      readonly orNull?: boolean;
      /** Accepts API objects among its arguments; they arrive as { api: type name, target }. */
      readonly takesObjects?: boolean;
      readonly call: (t: any, args: any[], env: Env) => unknown;
    };

export interface TypeSpec {
  readonly members: Readonly<Record<string, Member>>;
  /** For collections: the item type and the items. */
  readonly items?: { readonly type: string; readonly list: (t: any, env: Env) => Target[] };
}

export interface Env {
  readonly state: WorkbookState;
  readonly api: number;
  /** Cells past which a read returns null (Excel on the web: 5,000,000). */
  readonly readCellLimit?: number;
  /** The run was Excel.run({ mergeUndoGroup: true }, …): calls Excel cannot undo throw (api.ts: undoable). */
  readonly undoGroup?: boolean;
  /** Office.context.platform: where documented behaviour differs by platform (Excel on the web's inserts). */
  readonly platform: DoublePlatform;
}

/** The Office.PlatformType values the double models. */
export type DoublePlatform = 'PC' | 'OfficeOnline' | 'Mac';

export interface SyncRecord {
  readonly commands: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
}

export interface DoubleStats {
  readonly syncs: SyncRecord[];
  readonly runs: { readonly options: Record<string, unknown> | undefined }[];
  /** Methods called, by "Type.method", counted when the sync runs them (e.g. to prove no Worksheet.delete). */
  readonly calls: Map<string, number>;
}

interface Ref {
  readonly id: number;
  /** Its object path's id on the wire (Office.js numbers paths and actions per request context). */
  pathId: number;
  /** The path ids of the object and its parents, nearest first, for an action's "L" list. */
  chain: number[];
  readonly type: string;
  target: Target;
  resolved: boolean;
  isNull: boolean;
  loaded: Map<string, unknown> | undefined;
  readonly navs: Map<string, object>;
}

/** A command as Office.js puts it on the wire: actions and the object paths they use. */
interface Wire {
  readonly actions: object[];
  readonly paths: [number, object][];
}

interface Command {
  readonly wire: Wire;
  readonly run: (response: unknown[]) => void;
}

/**
 * Request bytes as Microsoft's client counts them. Office.js serialises a sync as
 * {"AutoKeepReference":true,"Actions":[…],"ObjectPaths":{…}}: every navigation (range.format) is an object
 * path plus an instantiate action, every method returning an object a path with its arguments plus an
 * instantiate action (a Range inside Excel.run also gets _KeepReference and a second instantiate), every
 * property set or method call an action naming its arguments and the paths it needs ("L"), every load a
 * query action. The double builds the same shapes, so a fill set costs it what it costs Office.js
 * (≈ 750 bytes, measured with excel-web-16.00.debug.js of @microsoft/office-js 1.1.110: bench/office-bytes.ts;
 * tests/office-port/payload.test.ts holds the two together). Writing a 2D array also costs Office.js about
 * 0.6 bytes a cell beyond its JSON (it splits large arrays into row blocks, each with its own paths).
 */
const KEPT_TYPES = new Set(['Range', 'RangeAreas']);
const ARRAY_SPLIT_BYTES_PER_CELL = 0.6;
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

let nextId = 1;

/** Every proxy the double handed out, so an API object passed as an argument (a Range for a chart) resolves to its target. */
const refOfProxy = new WeakMap<object, Ref>();

export class DoubleContext {
  private queue: Command[] = [];
  readonly workbook: object;
  /** Path 1 is the workbook; actions and paths share one counter, as in Office.js. */
  private wireSeq = 1;

  constructor(
    private readonly env: Env,
    private readonly specs: Readonly<Record<string, TypeSpec>>,
    private readonly stats: DoubleStats,
    private readonly limits: { request: number; response: number },
    /** Called before each sync runs, with its 0-based number: a colleague editing in between. */
    private readonly beforeSync: (index: number) => void = () => undefined,
  ) {
    this.workbook = this.proxy(this.newRef('Workbook', env.state, true));
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    this.beforeSync(this.stats.syncs.length);
    const commands = this.queue;
    this.queue = [];
    const requestBytes = this.requestBytes(commands);
    const response: unknown[] = [];
    let failure: unknown;
    if (requestBytes > this.limits.request) {
      failure = new OfficeDoubleError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes`);
    } else {
      try {
        // Commands before a failing one stay applied: Excel does not roll a batch back.
        for (const c of commands) c.run(response);
      } catch (e) {
        failure = e;
      }
    }
    const responseBytes = utf8Length(JSON.stringify(response));
    this.stats.syncs.push({ commands: commands.length, requestBytes, responseBytes });
    if (!failure && responseBytes > this.limits.response) {
      failure = new OfficeDoubleError('ResponsePayloadSizeLimitExceeded', `response of ${responseBytes} bytes`);
    }
    if (failure) throw failure;
  }

  private newRef(type: string, target: Target, resolved: boolean): Ref {
    return { id: nextId++, pathId: 1, chain: [1], type, target, resolved, isNull: false, loaded: undefined, navs: new Map() };
  }

  private requestBytes(commands: readonly Command[]): number {
    if (commands.length === 0) return 0;
    const actions: object[] = [{ Id: 0, ActionType: 1, Name: '', ObjectPathId: 1 }];
    const paths: Record<string, object> = { 1: { Id: 1, ObjectPathType: 1, Name: '' } };
    let extra = 0;
    for (const c of commands) {
      for (const a of c.wire.actions) {
        const split = (a as { split?: number }).split;
        if (split) extra += Math.ceil(split * ARRAY_SPLIT_BYTES_PER_CELL);
        actions.push(split ? { ...a, split: undefined } : a);
      }
      for (const [id, p] of c.wire.paths) paths[id] = p;
    }
    return utf8Length(JSON.stringify({ AutoKeepReference: true, Actions: actions, ObjectPaths: paths })) + extra;
  }

  /** A new object path under `parent`, with the actions that instantiate it. */
  private wirePath(child: Ref, parent: Ref, pathType: 3 | 4, name: string, args?: unknown[]): Wire {
    const id = ++this.wireSeq;
    child.pathId = id;
    child.chain = [id, ...parent.chain].slice(0, 4);
    const path = { Id: id, ObjectPathType: pathType, Name: name, ParentObjectPathId: parent.pathId, ...(args ? { ArgumentInfo: { Arguments: args } } : {}) };
    const actions: object[] = [{ Id: ++this.wireSeq, ActionType: 1, Name: '', ObjectPathId: id }];
    if (KEPT_TYPES.has(child.type)) {
      actions.push({ Id: ++this.wireSeq, ActionType: 3, Name: '_KeepReference', ObjectPathId: id, ArgumentInfo: { Arguments: [] } });
      actions.push({ Id: ++this.wireSeq, ActionType: 1, Name: '', ObjectPathId: id });
    }
    return { actions, paths: [[id, path]] };
  }

  /** An action on an existing object: 3 a method call, 4 a property set. */
  private wireAction(ref: Ref, actionType: 3 | 4, name: string, args: unknown[]): Wire {
    const value = args[0];
    const cells = Array.isArray(value) && Array.isArray(value[0]) && value.length > 1 ? value.length * (value[0] as unknown[]).length : 0;
    const action = {
      Id: ++this.wireSeq,
      ActionType: actionType,
      Name: name,
      ObjectPathId: ref.pathId,
      ArgumentInfo: { Arguments: args },
      L: ref.chain,
      ...(cells ? { split: cells } : {}),
    };
    return { actions: [action], paths: [] };
  }

  private spec(type: string): TypeSpec {
    const s = this.specs[type];
    if (!s) throw new Error(`office-double: type Excel.${type} is not modeled`);
    return s;
  }

  private member(ref: Ref, name: string): Member {
    const m = this.spec(ref.type).members[name];
    if (!m) throw new Error(`office-double: Excel.${ref.type}.${name} is not modeled (check the name against the Office.js reference)`);
    if (m.since !== undefined && m.since > this.env.api) {
      throw new OfficeDoubleError('ApiNotFound', `Excel.${ref.type}.${name} needs ExcelApi 1.${m.since}; this host has 1.${this.env.api}`);
    }
    return m;
  }

  private enqueue(wire: Wire, run: (response: unknown[]) => void): void {
    this.queue.push({ wire, run });
  }

  private targetOf(ref: Ref): Target {
    if (!ref.resolved) throw new OfficeDoubleError('InvalidObjectPath', `Excel.${ref.type} used before the command creating it ran`);
    if (ref.isNull) throw new OfficeDoubleError('ItemNotFound', `Excel.${ref.type} is a null object`);
    return ref.target;
  }

  private proxy(ref: Ref): object {
    const p = this.makeProxy(ref);
    refOfProxy.set(p, ref);
    return p;
  }

  private makeProxy(ref: Ref): object {
    const ctx = this;
    return new Proxy(Object.create(null), {
      get(_o, key) {
        // Promise resolution and inspection probe these; the real objects have no `then` either.
        if (typeof key === 'symbol' || key === 'then') return undefined;
        if (key === 'load') return (what?: unknown) => ctx.queueLoad(ref, what);
        if (key === 'isNullObject') {
          if (!ref.loaded) throw new OfficeDoubleError('PropertyNotLoaded', `Excel.${ref.type}.isNullObject read before load + sync`);
          return ref.isNull;
        }
        if (key === 'items' && ctx.spec(ref.type).items) {
          if (!ref.loaded?.has('items')) throw new OfficeDoubleError('PropertyNotLoaded', `Excel.${ref.type}.items read before load + sync`);
          return ref.loaded.get('items');
        }
        const m = ctx.member(ref, key);
        if (m.kind === 'prop') {
          if (!ref.loaded?.has(key)) throw new OfficeDoubleError('PropertyNotLoaded', `Excel.${ref.type}.${key} read before load + sync`);
          return ref.loaded.get(key);
        }
        if (m.kind === 'nav') {
          let child = ref.navs.get(key);
          if (!child) {
            const childRef = ctx.newRef(m.type, undefined, false);
            ctx.enqueue(ctx.wirePath(childRef, ref, 4, pascal(key)), () => {
              childRef.target = m.get(ctx.targetOf(ref), ctx.env);
              childRef.resolved = true;
            });
            child = ctx.proxy(childRef);
            ref.navs.set(key, child);
          }
          return child;
        }
        return (...args: unknown[]) => {
          const argRefs = args.map((a) => (typeof a === 'object' && a !== null ? refOfProxy.get(a) : undefined));
          argRefs.forEach((r, i) => {
            if (r && !(m.kind === 'method' && m.takesObjects)) {
              throw new Error(`office-double: Excel.${ref.type}.${key} was passed an API object; the double models string addresses only`);
            }
            if (!r && typeof args[i] === 'object' && args[i] !== null && !Array.isArray(args[i]) && Object.getPrototypeOf(args[i]) === null) {
              throw new Error(`office-double: Excel.${ref.type}.${key} was passed an object the double did not hand out`);
            }
          });
          const wireArgs = args.map((a, i) => (argRefs[i] ? { ref: argRefs[i].id } : a));
          const childRef = m.returns ? ctx.newRef(m.returns, undefined, false) : undefined;
          ctx.enqueue(childRef ? ctx.wirePath(childRef, ref, 3, pascal(key), wireArgs) : ctx.wireAction(ref, 3, pascal(key), wireArgs), () => {
            const name = `${ref.type}.${key}`;
            ctx.stats.calls.set(name, (ctx.stats.calls.get(name) ?? 0) + 1);
            // API objects among the arguments are used as what they stand for (a Range's sheet and block).
            const callArgs = args.map((a, i) => (argRefs[i] ? { api: argRefs[i].type, target: ctx.targetOf(argRefs[i]) } : a));
            const out = m.call(ctx.targetOf(ref), callArgs, ctx.env);
            if (childRef) {
              childRef.target = out;
              childRef.isNull = out === null || out === undefined;
              if (childRef.isNull && !m.orNull) throw new OfficeDoubleError('ItemNotFound', `Excel.${ref.type}.${key}(${JSON.stringify(args)})`);
              childRef.resolved = true;
            }
          });
          return childRef ? ctx.proxy(childRef) : undefined;
        };
      },
      set(_o, key, value) {
        if (typeof key === 'symbol') throw new Error('office-double: symbol properties are not modeled');
        const m = ctx.member(ref, key);
        if (m.kind !== 'prop' || !m.set) throw new Error(`office-double: Excel.${ref.type}.${key} is not settable in the double`);
        const set = m.set;
        ctx.enqueue(ctx.wireAction(ref, 4, pascal(key), [value]), () => set(ctx.targetOf(ref), value, ctx.env));
        return true;
      },
      has() {
        throw new Error(`office-double: the 'in' operator on Excel.${ref.type} is not modeled`);
      },
      ownKeys() {
        throw new Error(`office-double: enumerating Excel.${ref.type} is not modeled`);
      },
    });
  }

  /** Accepts "a,b", ["a","b"] and "items/x" paths (also "items/nav/x"). */
  private queueLoad(ref: Ref, what: unknown): object {
    let paths: string[];
    if (typeof what === 'string') paths = what.split(',');
    else if (Array.isArray(what)) paths = what.map(String);
    else throw new Error(`office-double: load() of Excel.${ref.type} needs property names (load() with no names or options is not modeled)`);
    paths = paths.map((p) => p.trim()).filter(Boolean);
    // Validate names now, so a misspelt property fails where it is written.
    for (const p of paths) this.checkPath(ref.type, p.split('/'));
    const query = { Id: ++this.wireSeq, ActionType: 2, Name: '', ObjectPathId: ref.pathId, QueryInfo: { Select: paths, Expand: [] } };
    this.enqueue({ actions: [query], paths: [] }, (response) => {
      ref.loaded ??= new Map();
      if (!ref.resolved) throw new OfficeDoubleError('InvalidObjectPath', `load on unresolved Excel.${ref.type}`);
      if (ref.isNull) return;
      const out: Record<string, unknown> = {};
      for (const p of paths) this.loadPath(ref, p.split('/'), out);
      response.push(out);
    });
    return this.proxy(ref);
  }

  private checkPath(type: string, segs: string[]): void {
    const [head, ...rest] = segs;
    const spec = this.spec(type);
    if (head === 'items' && spec.items) {
      if (rest.length > 0) this.checkPath(spec.items.type, rest);
      return;
    }
    const probe: Ref = this.newRef(type, undefined, true);
    const m = this.member(probe, head);
    if (m.kind === 'nav') {
      if (rest.length === 0) throw new Error(`office-double: loading the navigation property Excel.${type}.${head} itself is not modeled`);
      this.checkPath(m.type, rest);
    } else if (m.kind !== 'prop' || !m.get || rest.length > 0) {
      throw new Error(`office-double: Excel.${type}.${head} cannot be loaded`);
    }
  }

  private loadPath(ref: Ref, segs: string[], out: Record<string, unknown>): void {
    const [head, ...rest] = segs;
    const loaded = (ref.loaded ??= new Map());
    const spec = this.spec(ref.type);
    const target = this.targetOf(ref);
    if (head === 'items' && spec.items) {
      const itemSpec = spec.items;
      let items = loaded.get('items') as object[] | undefined;
      let refs = (loaded.get('\u0000itemRefs') as Ref[] | undefined) ?? [];
      // Loading again in a later sync lists the collection afresh, as Office.js does; within one sync
      // several paths share one list.
      if (items && loaded.get('\u0000itemsSync') !== this.stats.syncs.length) items = undefined;
      if (!items) {
        loaded.set('\u0000itemsSync', this.stats.syncs.length);
        refs = itemSpec.list(target, this.env).map((t) => {
          const r = this.newRef(itemSpec.type, t, true);
          r.loaded = new Map();
          return r;
        });
        items = refs.map((r) => this.proxy(r));
        loaded.set('items', items);
        loaded.set('\u0000itemRefs', refs);
      }
      const wire = (out.items as Record<string, unknown>[] | undefined) ?? refs.map(() => ({}));
      out.items = wire;
      refs.forEach((r, i) => rest.length > 0 && this.loadPath(r, rest, wire[i]));
      return;
    }
    const m = this.member(ref, head);
    if (m.kind === 'nav') {
      let child = ref.navs.get(head);
      let childRef = (loaded.get(`\u0000nav:${head}`) as Ref | undefined) ?? undefined;
      if (!childRef) {
        childRef = this.newRef(m.type, m.get(target, this.env), true);
        childRef.loaded = new Map();
        loaded.set(`\u0000nav:${head}`, childRef);
        child = this.proxy(childRef);
        ref.navs.set(head, child);
      }
      const sub = (out[head] as Record<string, unknown> | undefined) ?? {};
      out[head] = sub;
      this.loadPath(childRef, rest, sub);
      return;
    }
    if (m.kind === 'prop' && m.get) {
      const v = m.get(target, this.env);
      loaded.set(head, v);
      out[head] = v;
    }
  }
}
