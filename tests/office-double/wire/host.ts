/**
 * The double's workbook answering at the wire: the RichApi request body Microsoft's client sends
 * ({Actions, ObjectPaths}) is executed against the same SPECS and state the proxy double uses, so
 * every rule lives once (api.ts), and the answer ({Results} or {Error}) is what the client parses.
 *
 * Request format (read off the client, excel-web-16.00.debug.js):
 * - ObjectPaths: {Id, ObjectPathType, Name, ParentObjectPathId, ArgumentInfo}; types 1 global object
 *   (the Workbook), 3 method (GetRange, Add, GetItemOrNullObject, GetItemAt…), 4 property (Worksheets,
 *   Format, Fill…), 5 indexer (collection.getItem(key)), 6 reference id (an object Excel keeps).
 * - Actions: {Id, ActionType, ObjectPathId, Name, ArgumentInfo, QueryInfo}; types 1 instantiate,
 *   2 query (QueryInfo.Select: JavaScript names, "protection/protected" for navigation), 3 method,
 *   4 set property. Argument objects that are API objects travel as path ids
 *   (ArgumentInfo.ReferencedObjectPathIds).
 * Response format (what the client's _handleResult/_handleIdResult read):
 * - {Results: [{ActionId, Value}]}; a query's Value keys are PascalCase ("Values", "Address"),
 *   navigation properties nest ("Protection": {"Protected": …}), a collection lists "_Items", and a
 *   null object answers Value null (isNullObject true).
 * - An instantiate answers {_ReferenceId} for objects the client asked Excel to keep
 *   (`_KeepReference`, Excel.run's tracked ranges), after which the client names them by that id;
 *   and {Id} for sheets, tables and charts made by a method (add, copy), which the client then
 *   reaches through the collection's indexer (or Worksheet._GetAnotherWorksheetById after a copy).
 * - A failure answers {Error: {Code, Message, Location, ActionIndex}} with the results before it:
 *   actions before the failing one stay applied, as in Excel.
 */
import { utf8Length } from '../../../src/workbook/office/cells';
import type { DoubleStats, Env, Member, TypeSpec } from '../engine';
import { OfficeDoubleError, type SheetState, type WorkbookState } from '../state';

interface PathInfo {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: { readonly Arguments?: unknown[]; readonly ReferencedObjectPathIds?: unknown[] };
}

interface ActionInfo {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: { readonly Arguments?: unknown[]; readonly ReferencedObjectPathIds?: unknown[] };
  readonly QueryInfo?: { readonly Select?: string[]; readonly Expand?: string[] };
}

interface RequestBody {
  readonly Actions: ActionInfo[];
  readonly ObjectPaths: Record<string, PathInfo>;
}

/** An object a path names: its API type, what it stands for in the double, whether it is a null object. */
interface Resolved {
  readonly type: string;
  readonly target: unknown;
  readonly isNull: boolean;
}

/** Objects with an id in Excel (Worksheet.id, Table.id, Chart.id): the client reaches them by it. */
const WITH_ID = new Set(['Worksheet', 'Table', 'Chart']);

/** The double's own failure (a member it does not model): loud, never mistaken for an Excel error. */
const NOT_MODELED = 'OfficeDoubleNotModeled';

// Private members ("_ValidateArraySize") keep their wire name; public ones are the JavaScript name.
const camel = (name: string) => (name.startsWith('_') ? name : name.charAt(0).toLowerCase() + name.slice(1));
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export interface WireSync {
  readonly commands: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
}

export class WireHost {
  /** Objects Excel keeps between requests (the client's tracked objects), by reference id. */
  private readonly kept = new Map<string, Resolved>();
  private nextReference = 1;
  /** Ids of sheets, tables and charts, both ways. */
  private readonly idOf = new WeakMap<object, string>();
  private readonly byId = new Map<string, object>();
  private nextId = 1;
  /** Requests that only released kept objects (Excel.run's cleanup after the batch): not syncs the port waits for. */
  cleanupRequests = 0;

  /** Each Excel.run may differ in its options (mergeUndoGroup): the rules see the current run's. */
  setRun(run: { readonly undoGroup: boolean }): void {
    this.env = { ...this.env, undoGroup: run.undoGroup };
  }

  constructor(
    private env: Env,
    private readonly specs: Readonly<Record<string, TypeSpec>>,
    private readonly stats: DoubleStats,
    private readonly limits: { request: number; response: number },
    private readonly beforeSync: (index: number) => void,
  ) {}

  /** One request from the client: the body text as sent, the response body text. */
  handle(bodyText: string): string {
    const body = JSON.parse(bodyText) as RequestBody;
    const actions = body.Actions ?? [];
    const releases = actions.filter((a) => a.ActionType === 3 && a.Name === '_RemoveReference');
    if (releases.length > 0 && releases.length + actions.filter((a) => a.ActionType === 1).length === actions.length) {
      this.cleanupRequests++;
      for (const a of releases) this.kept.delete(String(a.ArgumentInfo?.Arguments?.[0]));
      return JSON.stringify({ Results: [] });
    }
    this.beforeSync(this.stats.syncs.length);
    const requestBytes = utf8Length(bodyText);
    const results: { ActionId: number; Value?: unknown }[] = [];
    let error: { Code: string; Message: string; Location: string; ActionIndex?: number } | undefined;
    if (requestBytes > this.limits.request) {
      error = { Code: 'RequestPayloadSizeLimitExceeded', Message: `request of ${requestBytes} bytes`, Location: '' };
    } else {
      const request = new RequestRun(this, body.ObjectPaths ?? {});
      for (let i = 0; i < actions.length && !error; i++) {
        try {
          const value = request.run(actions[i]);
          if (value !== undefined) results.push({ ActionId: actions[i].Id, Value: value });
        } catch (e) {
          error = toWireError(e, i);
        }
      }
    }
    let text = JSON.stringify(error ? { Results: results, Error: error } : { Results: results });
    const responseBytes = utf8Length(text);
    this.stats.syncs.push({ commands: actions.length, requestBytes, responseBytes });
    if (!error && responseBytes > this.limits.response) {
      text = JSON.stringify({ Error: { Code: 'ResponsePayloadSizeLimitExceeded', Message: `response of ${responseBytes} bytes`, Location: '' } });
    }
    // OFFICE_DOUBLE_TRACE=1 prints each exchange (to study the wire, or a failing test).
    if (process.env.OFFICE_DOUBLE_TRACE) console.log(`request ${bodyText.slice(0, 4000)}\nresponse ${text.slice(0, 2000)}`);
    return text;
  }

  // --- used by RequestRun ---

  spec(type: string): TypeSpec {
    const s = this.specs[type];
    if (!s) throw new Error(`office-double: type Excel.${type} is not modeled`);
    return s;
  }

  /** The member by its wire name, gated by the host's ExcelApi level (the same check as engine.ts). */
  member(type: string, name: string): Member {
    const key = camel(name);
    const m = this.spec(type).members[key];
    if (!m) throw new Error(`office-double: Excel.${type}.${key} is not modeled (check the name against the Office.js reference)`);
    if (m.since !== undefined && m.since > this.env.api) {
      throw new OfficeDoubleError('ApiNotFound', `Excel.${type}.${key} needs ExcelApi 1.${m.since}; this host has 1.${this.env.api}`);
    }
    return m;
  }

  get envRef(): Env {
    return this.env;
  }

  countCall(type: string, name: string): void {
    const key = `${type}.${camel(name)}`;
    this.stats.calls.set(key, (this.stats.calls.get(key) ?? 0) + 1);
  }

  keep(target: Resolved): string {
    const id = `{wire-ref-${this.nextReference++}}`;
    this.kept.set(id, target);
    return id;
  }

  keptObject(id: string): Resolved {
    const r = this.kept.get(id);
    if (!r) throw new OfficeDoubleError('InvalidObjectPath', 'the object was released');
    return r;
  }

  /** The id Excel gives a sheet, table or chart; stable for the object's life. */
  idFor(type: string, target: unknown): string {
    const key = identity(type, target);
    let id = this.idOf.get(key);
    if (!id) {
      id = `{${type}-${this.nextId++}}`;
      this.idOf.set(key, id);
      this.byId.set(id, key);
    }
    return id;
  }

  /** The live object an id names, or undefined when there is none (deleted, or not an id). */
  byIdLive(type: string, id: unknown): unknown {
    const key = typeof id === 'string' ? this.byId.get(id) : undefined;
    if (!key) return undefined;
    const state = this.env.state;
    if (type === 'Worksheet') return state.sheets.includes(key as SheetState) ? key : undefined;
    if (type === 'Table') return state.tables.includes(key as WorkbookState['tables'][number]) ? key : undefined;
    if (type === 'Chart') {
      const sheet = state.sheets.find((s) => s.charts.includes(key as SheetState['charts'][number]));
      return sheet ? { sheet, chart: key } : undefined;
    }
    return undefined;
  }
}

/** The object an id belongs to: a chart's target is rebuilt per listing, its ChartState is not. */
function identity(type: string, target: unknown): object {
  return type === 'Chart' ? (target as { chart: object }).chart : (target as object);
}

function toWireError(e: unknown, actionIndex: number): { Code: string; Message: string; Location: string; ActionIndex: number } {
  if (e instanceof OfficeDoubleError) return { Code: e.code, Message: e.message, Location: '', ActionIndex: actionIndex };
  const message = e instanceof Error ? e.message : String(e);
  // The double failing to model something must not pass for an Excel error the port handles.
  console.error(message);
  return { Code: NOT_MODELED, Message: message, Location: '', ActionIndex: actionIndex };
}

/** One request: object paths resolve once, at their first use, in action order (as Excel instantiates them). */
class RequestRun {
  private readonly resolved = new Map<number, Resolved>();
  private readonly keptHere = new Map<number, string>();

  constructor(
    private readonly host: WireHost,
    private readonly paths: Record<string, PathInfo>,
  ) {}

  run(action: ActionInfo): unknown {
    switch (action.ActionType) {
      case 1: {
        const r = this.resolve(action.ObjectPathId);
        const reference = this.keptHere.get(action.ObjectPathId);
        if (reference) return { _ReferenceId: reference };
        const info = this.paths[action.ObjectPathId];
        if (info?.ObjectPathType === 3 && !r.isNull && WITH_ID.has(r.type)) return { Id: this.host.idFor(r.type, r.target) };
        return undefined;
      }
      case 2: {
        const r = this.resolve(action.ObjectPathId);
        if (r.isNull) return null;
        const select = action.QueryInfo?.Select;
        if (!select || select.length === 0 || action.QueryInfo?.Expand?.length) {
          throw new Error(`office-double: load() of Excel.${r.type} needs property names (load() with no names, or expand, is not modeled)`);
        }
        const spec = this.host.spec(r.type);
        if (spec.items) {
          const items = spec.items;
          return { _Items: items.list(r.target, this.host.envRef).map((t) => this.project(items.type, t, select)) };
        }
        return this.project(r.type, r.target, select);
      }
      case 3: {
        if (action.Name === '_KeepReference') {
          // A null object is kept as nothing: its instantiate answers no reference, so it stays null.
          const r = this.resolve(action.ObjectPathId);
          if (!r.isNull) this.keptHere.set(action.ObjectPathId, this.host.keep(r));
          return undefined;
        }
        const r = this.live(action.ObjectPathId);
        const m = this.host.member(r.type, action.Name);
        if (m.kind !== 'method' || m.returns) throw new Error(`office-double: Excel.${r.type}.${camel(action.Name)} is not a method without a result in the double`);
        this.host.countCall(r.type, action.Name);
        // No modeled method answers a value (specs return whatever their last assignment gave): none is sent.
        m.call(r.target, this.args(action.ArgumentInfo, m.takesObjects === true, `${r.type}.${action.Name}`), this.host.envRef);
        return undefined;
      }
      case 4: {
        const r = this.live(action.ObjectPathId);
        const m = this.host.member(r.type, action.Name);
        if (m.kind !== 'prop' || !m.set) throw new Error(`office-double: Excel.${r.type}.${camel(action.Name)} is not settable in the double`);
        m.set(r.target, action.ArgumentInfo?.Arguments?.[0], this.host.envRef);
        return undefined;
      }
      default:
        throw new Error(`office-double: action type ${action.ActionType} (${action.Name}) is not modeled`);
    }
  }

  /** A path's object, which must exist: using a null object fails, as in the proxy double. */
  private live(pathId: number): Resolved {
    const r = this.resolve(pathId);
    if (r.isNull) throw new OfficeDoubleError('ItemNotFound', `Excel.${r.type} is a null object`);
    return r;
  }

  private resolve(pathId: number): Resolved {
    const cached = this.resolved.get(pathId);
    if (cached) return cached;
    const info = this.paths[pathId];
    if (!info) throw new OfficeDoubleError('InvalidObjectPath', `object path ${pathId} is not in the request`);
    const r = this.resolvePath(info);
    this.resolved.set(pathId, r);
    return r;
  }

  private resolvePath(info: PathInfo): Resolved {
    const env = this.host.envRef;
    switch (info.ObjectPathType) {
      case 1:
        return { type: 'Workbook', target: env.state, isNull: false };
      case 6:
        return this.host.keptObject(info.Name);
      case 4: {
        const parent = this.live(info.ParentObjectPathId!);
        const m = this.host.member(parent.type, info.Name);
        if (m.kind !== 'nav') throw new Error(`office-double: Excel.${parent.type}.${camel(info.Name)} is not a navigation property in the double`);
        return { type: m.type, target: m.get(parent.target, env), isNull: false };
      }
      case 5: {
        const parent = this.live(info.ParentObjectPathId!);
        const spec = this.host.spec(parent.type);
        const key = info.ArgumentInfo?.Arguments?.[0];
        if (spec.items) {
          const byId = this.host.byIdLive(spec.items.type, key);
          if (byId !== undefined) return { type: spec.items.type, target: byId, isNull: false };
        }
        return this.callForObject(parent, 'GetItem', info.ArgumentInfo);
      }
      case 3: {
        const parent = this.live(info.ParentObjectPathId!);
        const spec = this.host.spec(parent.type);
        const args = info.ArgumentInfo?.Arguments ?? [];
        if (info.Name === 'GetItemAt' && spec.items && !spec.members.getItemAt) {
          const item = spec.items.list(parent.target, env)[Number(args[0])];
          if (item === undefined) throw new OfficeDoubleError('ItemNotFound', `Excel.${parent.type}.getItemAt(${String(args[0])})`);
          return { type: spec.items.type, target: item, isNull: false };
        }
        if (info.Name === '_GetAnotherWorksheetById' && parent.type === 'Worksheet') {
          const sheet = this.host.byIdLive('Worksheet', args[0]);
          if (sheet === undefined) throw new OfficeDoubleError('ItemNotFound', 'worksheet id');
          return { type: 'Worksheet', target: sheet, isNull: false };
        }
        return this.callForObject(parent, info.Name, info.ArgumentInfo);
      }
      default:
        throw new Error(`office-double: object path type ${info.ObjectPathType} (${info.Name}) is not modeled`);
    }
  }

  /** A method that gives back an API object (GetRange, Add, GetItemOrNullObject…). */
  private callForObject(parent: Resolved, name: string, argumentInfo: PathInfo['ArgumentInfo']): Resolved {
    const m = this.host.member(parent.type, name);
    if (m.kind !== 'method' || !m.returns) throw new Error(`office-double: Excel.${parent.type}.${camel(name)} does not return an object in the double`);
    this.host.countCall(parent.type, name);
    const out = m.call(parent.target, this.args(argumentInfo, m.takesObjects === true, `${parent.type}.${name}`), this.host.envRef);
    const isNull = out === null || out === undefined;
    if (isNull && !m.orNull) throw new OfficeDoubleError('ItemNotFound', `Excel.${parent.type}.${camel(name)}(${JSON.stringify(argumentInfo?.Arguments ?? [])})`);
    return { type: m.returns, target: out, isNull };
  }

  /**
   * Arguments as the spec takes them: API objects (sent as path ids) become { api, target }. The
   * client sends `undefined` arguments as null; trailing ones are dropped so a call reads as written.
   */
  private args(argumentInfo: PathInfo['ArgumentInfo'], takesObjects: boolean, member: string): unknown[] {
    const values = [...(argumentInfo?.Arguments ?? [])];
    const refs = argumentInfo?.ReferencedObjectPathIds ?? [];
    refs.forEach((id, i) => {
      if (typeof id !== 'number' || id === 0) return;
      if (!takesObjects) throw new Error(`office-double: Excel.${member} was passed an API object; the double models string addresses only`);
      const r = this.live(id);
      values[i] = { api: r.type, target: r.target };
    });
    while (values.length > 0 && (values[values.length - 1] === null || values[values.length - 1] === undefined)) values.pop();
    return values.map((v) => (v === null ? undefined : v));
  }

  /** A query's answer for one object: Select paths ("a", "nav/b") as PascalCase keys, navigation nested. */
  private project(type: string, target: unknown, select: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (WITH_ID.has(type)) out.Id = this.host.idFor(type, target);
    const nested = new Map<string, string[]>();
    for (const path of select) {
      const [head, ...rest] = path.split('/');
      const m = this.host.member(type, head);
      if (m.kind === 'nav') {
        if (rest.length === 0) throw new Error(`office-double: loading the navigation property Excel.${type}.${head} itself is not modeled`);
        nested.set(head, [...(nested.get(head) ?? []), rest.join('/')]);
      } else if (m.kind === 'prop' && m.get && rest.length === 0) {
        out[pascal(head)] = m.get(target, this.host.envRef);
      } else {
        throw new Error(`office-double: Excel.${type}.${head} cannot be loaded`);
      }
    }
    for (const [head, rest] of nested) {
      const m = this.host.member(type, head) as Extract<Member, { kind: 'nav' }>;
      out[pascal(head)] = this.project(m.type, m.get(target, this.host.envRef), rest);
    }
    return out;
  }
}
