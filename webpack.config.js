/* Builds the Excel pane, the ribbon commands page and the standalone page into dist/.
 * ADDIN_BASE_URL (default https://localhost:3000) is written into dist/manifest.xml. */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { manifestForBaseUrl, DEFAULT_BASE_URL } = require('./scripts/manifest.cjs');

/* The ES5 old-webview guard is inlined into each page (it must run where the bundles cannot parse). */
const oldWebviewGuard = fs.readFileSync(path.resolve(__dirname, 'src/taskpane/old-webview-guard.js'), 'utf8').trim();

/* Office asks add-ins to load office.js from its CDN; only the Excel pane does. */
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The pane and the standalone page share one template (head, Content-Security-Policy, old-webview
 * notice and guard); the pane's page also loads Office.js and allows its origin. */
const page = (name, officeJs) =>
  new HtmlWebpackPlugin({ filename: `${name}.html`, template: './src/taskpane/page.html', chunks: [name], templateParameters: { oldWebviewGuard, officeJs } });

/** Puts the sha256 of every inline script of a page into its Content-Security-Policy, so nothing
 * inline but those exact bytes may run. Runs after webpack's own minimizer (which also minifies HTML
 * and its inline scripts in production), so the hashes match the bytes that ship. */
class InlineScriptHashes {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.compilation.tap('InlineScriptHashes', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'InlineScriptHashes', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER - 1 }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!name.endsWith('.html')) continue;
          const html = compilation.getAsset(name).source.source().toString();
          if (!html.includes('__INLINE_SCRIPT_HASHES__')) continue;
          const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
            (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
          );
          compilation.updateAsset(name, new sources.RawSource(html.replace('__INLINE_SCRIPT_HASHES__', hashes.join(' '))));
        }
      });
    });
  }
}

/** Fills the standalone page's service worker (src/standalone/serviceWorker.ts → sw.js) with the files to
 * keep for offline use: the page, every script it may load and the bundled sample — the app's own files,
 * nothing of the Excel pane's page (taskpane.html, office.js), the ribbon or the manifest — and a version
 * that changes with any of them, so a new build replaces the cache. Runs after the HTML is final. */
class PrecacheList {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.compilation.tap('PrecacheList', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PrecacheList', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        if (!assets['sw.js']) return;
        const skip = /^(?:sw\.js|taskpane\.|commands\.|manifest\.xml)|\.(?:map|txt)$|^assets\/icon-/;
        const files = Object.keys(assets)
          .filter((name) => !skip.test(name))
          .sort();
        const hash = crypto.createHash('sha256');
        for (const name of files) hash.update(name).update(compilation.getAsset(name).source.buffer());
        const version = hash.digest('hex').slice(0, 16);
        const sw = compilation.getAsset('sw.js').source.source().toString();
        compilation.updateAsset('sw.js', new sources.RawSource(sw.replace('__PRECACHE_FILES__', files.join(' ')).replace('__PRECACHE_VERSION__', version)));
      });
    });
  }
}

module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  const baseUrl = (process.env.ADDIN_BASE_URL || DEFAULT_BASE_URL).replace(/\/+$/, '');
  // The ribbon commands are built once they exist; until then the manifest test reports commands.html missing.
  const hasCommands = fs.existsSync(path.resolve(__dirname, 'src/commands/commands.ts'));
  return {
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      ...(hasCommands ? { commands: './src/commands/commands.ts' } : {}),
      standalone: './src/standalone/index.tsx',
      // Registered by the standalone page only; a fixed name, since the page registers it by address.
      sw: './src/standalone/serviceWorker.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: (pathData) => (pathData.chunk.name === 'sw' ? 'sw.js' : '[name].[contenthash:8].js'),
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: {
      rules: [{ test: /\.tsx?$/, loader: 'esbuild-loader', options: { target: 'es2019', jsx: 'automatic' } }],
    },
    performance: { hints: false },
    optimization: {
      // The service worker is one file of its own: it cannot load chunks.
      splitChunks: { chunks: (chunk) => chunk.name !== 'sw', cacheGroups: { default: false } },
    },
    plugins: [
      page('taskpane', OFFICE_JS),
      ...(hasCommands ? [new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] })] : []),
      page('standalone', null),
      new InlineScriptHashes(),
      new PrecacheList(),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml', noErrorOnMissing: true, transform: (content) => manifestForBaseUrl(content.toString(), baseUrl) },
        ],
      }),
    ],
    devServer: {
      server: 'https',
      port: 3000,
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      open: ['/standalone.html?sample=1'],
      // Print the address too: on a machine without a desktop browser nothing opens.
      onListening: (devServer) => {
        const { port } = devServer.server.address();
        console.log(`\n  留守儿童关爱助手 standalone page: https://localhost:${port}/standalone.html?sample=1\n  Excel task pane: https://localhost:${port}/taskpane.html\n`);
      },
      static: false,
      client: { overlay: false },
      hot: false,
      liveReload: false,
    },
  };
};
