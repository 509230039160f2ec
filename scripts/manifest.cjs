/* The manifest in the repository points at the development server; a build for a school's own host
 * rewrites every such URL (ADDIN_BASE_URL). Shared by webpack and the manifest tests. */
const DEFAULT_BASE_URL = 'https://localhost:3000';

function manifestForBaseUrl(xml, baseUrl) {
  const base = String(baseUrl).replace(/\/+$/, '');
  if (!/^https:\/\/[^\s"<>]+$/.test(base)) throw new Error(`ADDIN_BASE_URL must be an https URL, got: ${baseUrl}`);
  return xml.split(DEFAULT_BASE_URL).join(base);
}

module.exports = { DEFAULT_BASE_URL, manifestForBaseUrl };
