/**
 * Wire mode: Excel.run is Microsoft's (office.js from the npm package), and the double's workbook
 * answers the requests it sends (host.ts). Load/sync semantics, PropertyNotLoaded, object tracking,
 * argument serialisation and request bytes are the client's; the rules and the workbook are the
 * double's (api.ts, state.ts), the same ones proxy mode uses.
 */
import type { WireParts } from '../index';
import { officeClient } from './client';
import { WireHost } from './host';
import { WIRE_SPECS } from './members';

export { officeClient } from './client';
export { WireHost } from './host';

let nextDouble = 1;

/** Excel.run for one double in wire mode. */
export function wireExcelRun(parts: WireParts): (...args: unknown[]) => Promise<unknown> {
  const client = officeClient();
  const host = new WireHost(
    { state: parts.state, api: parts.api, readCellLimit: parts.readCellLimit, platform: parts.platform },
    WIRE_SPECS,
    parts.stats,
    parts.limits,
    parts.beforeSync,
  );
  // The session URL names the double; the route holds it weakly, so a finished test's workbook can go.
  const prefix = `https://office-double.invalid/${nextDouble++}/`;
  const ref = new WeakRef(host);
  client.route(prefix, (bodyText) => ref.deref()?.handle(bodyText) ?? JSON.stringify({ Results: [] }));
  return async (...args: unknown[]) => {
    const { runOptions, batch } = parts.runArguments(args);
    parts.stats.runs.push({ options: runOptions });
    // The client ignores options it does not know (mergeUndoGroup is newer than 1.1.110), so it sends
    // nothing that says a run is grouped: the host is told here, as the proxy double's context is.
    host.setRun({ undoGroup: runOptions?.mergeUndoGroup === true });
    client.useRequirements(parts.isSetSupported);
    const options = client.realmObject({ ...(runOptions ?? {}), session: { url: prefix } });
    void host; // held here for the route's weak reference
    return client.Excel.run(options as Excel.RunOptions, batch as (context: Excel.RequestContext) => Promise<unknown>);
  };
}
