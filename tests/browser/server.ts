import { createReadStream, existsSync, statSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { extname, join, normalize, resolve } from 'path';

/** The build under test: dist/, or PANE_DIST (a private build while others rebuild dist/ in the same checkout). */
export const DIST = resolve(process.env.PANE_DIST ?? resolve(__dirname, '../../dist'));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface StaticServer {
  readonly origin: string;
  /** Paths the server was asked for, in order (the privacy test compares them with the browser's view). */
  readonly served: string[];
  close(): Promise<void>;
}

/** A tiny static server for dist/ on 127.0.0.1 and a port the OS picks. */
export async function serveDist(root = DIST): Promise<StaticServer> {
  if (!existsSync(join(root, 'standalone.html'))) throw new Error(`${root} has no build: run npm run build first`);
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    served.push(path);
    const file = normalize(join(root, path === '/' ? 'standalone.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
