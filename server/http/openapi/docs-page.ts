/**
 * The interactive API reference at /api/docs: Swagger UI (the `swagger-ui-dist` package) rendering
 * /api/v1/openapi.json. Every script, style sheet and image comes from this server, and the page's
 * Content-Security-Policy allows nothing else, so it works on a network without internet access and never tells
 * a third party that someone is reading it. Swagger UI's online validator badge is switched off for the same
 * reason.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Router, type Response } from 'express';

export const DOCS_PATH = '/api/docs';
const ASSETS_PATH = `${DOCS_PATH}/assets`;
const SPEC_URL = '/api/v1/openapi.json';

const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
/** Only what the page uses: the package also ships a demo index.html that loads a document from the internet. */
const ASSETS = new Set(['swagger-ui.css', 'swagger-ui.css.map', 'swagger-ui-bundle.js', 'swagger-ui-bundle.js.map', 'favicon-16x16.png', 'favicon-32x32.png']);

/**
 * Same origin only. Inline styles: Swagger UI (React) sets style attributes. No `upgrade-insecure-requests`
 * (helmet's default): on plain HTTP inside the zone's network it would send the page's own assets to https.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>zonematch API 参考 · API reference</title>
<link rel="icon" type="image/png" sizes="32x32" href="${ASSETS_PATH}/favicon-32x32.png">
<link rel="icon" type="image/png" sizes="16x16" href="${ASSETS_PATH}/favicon-16x16.png">
<link rel="stylesheet" href="${ASSETS_PATH}/swagger-ui.css">
</head>
<body>
<noscript>此页面需要 JavaScript。This page needs JavaScript; the document itself is at <a href="${SPEC_URL}">${SPEC_URL}</a>.</noscript>
<div id="swagger-ui"></div>
<script src="${ASSETS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_PATH}/init.js"></script>
</body>
</html>
`;

// A file rather than an inline script, so the policy needs no 'unsafe-inline' for scripts.
const INIT = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(SPEC_URL)},
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  showExtensions: true,
  displayRequestDuration: true,
  persistAuthorization: false,
});
`;

function send(res: Response, type: string, body: string): void {
  res.set({ 'Content-Security-Policy': DOCS_CSP, 'Cache-Control': 'no-cache' }).type(type).send(body);
}

export function docsPages(): Router {
  const router = Router();
  router.get(DOCS_PATH, (_req, res) => send(res, 'html', PAGE));
  router.get(`${DOCS_PATH}/init.js`, (_req, res) => send(res, 'js', INIT));
  router.get(`${ASSETS_PATH}/:file`, (req, res, next) => {
    const file = req.params.file;
    if (!ASSETS.has(file)) {
      next();
      return;
    }
    res.set('Content-Security-Policy', DOCS_CSP);
    res.sendFile(file, { root: SWAGGER_UI_DIR, maxAge: '1d' });
  });
  return router;
}
