/**
 * Ribbon commands. The one button opens the task pane through the manifest (Action ShowTaskpane), which
 * needs no code; Office still loads this function file and waits for Office.onReady. Commands that
 * run without the pane (ExecuteFunction) would be registered here with Office.actions.associate.
 */
export function initCommands(office: typeof Office): Promise<void> {
  return office.onReady().then(() => undefined);
}

if (typeof Office !== 'undefined') void initCommands(Office);
