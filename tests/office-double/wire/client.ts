/**
 * Microsoft's own Excel client library, `excel-web-16.00.debug.js` from the `@microsoft/office-js`
 * dev dependency, loaded once per test file into a Node vm context with a minimal `window`. Every
 * request it would send to Excel goes through `OfficeExtension.HttpUtility.setCustomSendRequestFunc`
 * to the wire host of the double the session URL names (wire/host.ts). Node only: the browser tests
 * keep the proxy double.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInContext, createContext } from 'node:vm';

/** What the send function hands over and expects back (the client's RequestInfo / ResponseInfo). */
interface WireRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export interface WireResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface OfficeClient {
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension;
  /** "office.js 1.1.110": the npm package the client came from. */
  readonly version: string;
  /** A plain object of the client's own realm (Excel.run tells options from a context by prototype). */
  realmObject<T>(value: T): T;
  /** Route requests whose URL starts with `prefix` to `handle` (one prefix per double). */
  route(prefix: string, handle: (bodyText: string, url: string) => string): void;
  unroute(prefix: string): void;
  /**
   * The requirement sets the client sees (window.Office.context.requirements), for the run about to
   * start: it decides, for one, whether large writes are sliced (ExcelApi 1.3).
   */
  useRequirements(isSetSupported: (name: string, version?: string) => boolean): void;
}

/**
 * The npm client (1.1.110, the newest published) predates ExcelApi 1.18, so it has no
 * `Worksheet.notes`. These two classes are built only from the client's own object and path builders
 * (`BatchApiHelper`), following its generated code for `CommentCollection`/`Comment` member by member,
 * with wire names by its fixed convention (PascalCase of the JavaScript name: Notes, Add,
 * GetItemOrNullObject, Content, Delete). The bytes they put on the wire are the client's.
 */
const NOTES_FOR_OLD_CLIENT = `(function () {
  var H = OfficeExtension.BatchApiHelper, U = OfficeExtension.Utility, ITEMS = OfficeExtension.Constants.items;
  class Note extends OfficeExtension.ClientObject {
    get _className() { return 'Note'; }
    get content() { U.throwIfNotLoaded('content', this._C, 'Note', this._isNull); return this._C; }
    set content(value) { this._C = value; H.invokeSetProperty(this, 'Content', value, 0); }
    delete() { H.invokeMethod(this, 'Delete', 0, [], 0, 0); }
    load(options) { return U.load(this, options); }
    _handleResult(value) {
      super._handleResult(value);
      if (value === null || value === undefined) return;
      U.fixObjectPathIfNecessary(this, value);
      if (value.Content !== undefined) this._C = value.Content;
    }
  }
  class NoteCollection extends OfficeExtension.ClientObject {
    get _className() { return 'NoteCollection'; }
    get _isCollection() { return true; }
    get items() { U.throwIfNotLoaded('items', this.m__items, 'NoteCollection', this._isNull); return this.m__items; }
    add(cellAddress, content) { return H.createMethodObject(Note, this, 'Add', 0, [cellAddress, content], false, true, null, 0); }
    getItemOrNullObject(cellAddress) { return H.createMethodObject(Note, this, 'GetItemOrNullObject', 1, [cellAddress], false, false, null, 4); }
    load(options) { return U.load(this, options); }
    _handleResult(value) {
      super._handleResult(value);
      if (value === null || value === undefined) return;
      U.fixObjectPathIfNecessary(this, value);
      var data = value[ITEMS];
      if (data === null || data === undefined) return;
      this.m__items = [];
      for (var i = 0; i < data.length; i++) {
        var item = H.createChildItemObject(Note, true, this, data[i], i);
        item._handleResult(data[i]);
        this.m__items.push(item);
      }
    }
  }
  if (!('notes' in Excel.Worksheet.prototype)) {
    Object.defineProperty(Excel.Worksheet.prototype, 'notes', {
      get: function () { if (!this.m_notes) this.m_notes = H.createPropertyObject(NoteCollection, this, 'Notes', true, 4); return this.m_notes; },
      configurable: true,
    });
  }
})();`;

let loaded: OfficeClient | undefined;

export function officeClient(): OfficeClient {
  if (loaded) return loaded;
  const packageJson = require.resolve('@microsoft/office-js/package.json');
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  const source = readFileSync(join(dirname(packageJson), 'dist', 'excel-web-16.00.debug.js'), 'utf8');
  // The library reads its globals through `window` and as bare names: the context is both.
  const sandbox: Record<string, unknown> = { console, setTimeout, clearTimeout, navigator: { userAgent: 'node' } };
  const context = createContext(sandbox);
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  runInContext(source, context, { filename: 'excel-web-16.00.debug.js' });
  runInContext(NOTES_FOR_OLD_CLIENT, context, { filename: 'notes-for-old-client.js' });
  const realmJson = runInContext('JSON', context) as typeof JSON;
  let requirements: (name: string, version?: string) => boolean = () => true;
  // Office.context is a getter over OSF._OfficeAppFactory.getContext(), which Office's loader would set up.
  const osf = sandbox.OSF as { _OfficeAppFactory?: { getContext?: () => unknown } };
  const officeContext = { requirements: { isSetSupported: (name: string, version?: string) => requirements(name, version) } };
  osf._OfficeAppFactory = { ...(osf._OfficeAppFactory ?? {}), getContext: () => officeContext };
  const routes = new Map<string, (bodyText: string, url: string) => string>();
  const office = sandbox.OfficeExtension as typeof OfficeExtension;
  const send = (request: WireRequest): Promise<WireResponse> => {
    const prefix = [...routes.keys()].find((p) => request.url.startsWith(p));
    if (!prefix) return Promise.reject(new Error(`office-double: no wire host for ${request.url}`));
    // What the client would put on the wire (its own _getRequestBodyText).
    const bodyText = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    try {
      return Promise.resolve({ statusCode: 200, headers: { 'CONTENT-TYPE': 'application/json' }, body: routes.get(prefix)!(bodyText, request.url) });
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };
  (office as unknown as { HttpUtility: { setCustomSendRequestFunc(f: (r: WireRequest) => Promise<WireResponse>): void } }).HttpUtility.setCustomSendRequestFunc(send);
  loaded = {
    Excel: sandbox.Excel as typeof Excel,
    OfficeExtension: office,
    version: `office.js ${version}`,
    realmObject: <T>(value: T) => realmJson.parse(JSON.stringify(value)) as T,
    route: (prefix, handle) => void routes.set(prefix, handle),
    unroute: (prefix) => void routes.delete(prefix),
    useRequirements: (isSetSupported) => void (requirements = isSetSupported),
  };
  return loaded;
}
