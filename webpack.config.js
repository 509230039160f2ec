/* Builds the Excel pane, the ribbon commands page and the standalone page into dist/.
 * ADDIN_BASE_URL (default https://localhost:3000) is written into dist/manifest.xml. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { manifestForBaseUrl, DEFAULT_BASE_URL } = require('./scripts/manifest.cjs');

module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  const baseUrl = (process.env.ADDIN_BASE_URL || DEFAULT_BASE_URL).replace(/\/+$/, '');
  return {
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
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
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'standalone.html', template: './src/standalone/standalone.html', chunks: ['standalone'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestForBaseUrl(content.toString(), baseUrl) },
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
