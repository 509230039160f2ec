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

/** Puts the sha256 of every inline script of a page into its Content-Security-Policy, so nothing
 * inline but those exact bytes may run. Computed on the emitted HTML, after any minification. */
class InlineScriptHashes {
  apply(compiler) {
    compiler.hooks.compilation.tap('InlineScriptHashes', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('InlineScriptHashes', (data) => {
        const hashes = [...data.html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
          .map((m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
        data.html = data.html.replace('__INLINE_SCRIPT_HASHES__', hashes.join(' '));
        return data;
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
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: {
      rules: [
        { test: /\.tsx?$/, loader: 'esbuild-loader', options: { target: 'es2019', jsx: 'automatic' } },
      ],
    },
    performance: { hints: false },
    optimization: {
      splitChunks: { chunks: 'all', cacheGroups: { default: false } },
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], templateParameters: { oldWebviewGuard } }),
      ...(hasCommands ? [new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] })] : []),
      new HtmlWebpackPlugin({ filename: 'standalone.html', template: './src/standalone/standalone.html', chunks: ['standalone'], templateParameters: { oldWebviewGuard } }),
      new InlineScriptHashes(),
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
      static: false,
      client: { overlay: false },
      hot: false,
      liveReload: false,
    },
  };
};
