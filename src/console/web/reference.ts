import { currentUser } from './api.js';
import { clear, h } from './dom.js';
import type { View, ViewContext } from './view.js';

/** What the Swagger UI bundle puts on window (it is a classic script, not a module). */
interface SwaggerUiGlobal {
  (options: Record<string, unknown>): { preauthorizeBasic(scheme: string, user: string, password: string): void };
}
declare global {
  interface Window {
    SwaggerUIBundle?: SwaggerUiGlobal;
  }
}

let loading: Promise<void> | undefined;

/** Swagger UI's bundle and styles, from the package (node_modules/swagger-ui-dist), once per page. */
function loadSwaggerUi(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    document.head.append(h('link', { rel: 'stylesheet', href: '/__console/reference/swagger-ui.css' }));
    const script = h('script', { src: '/__console/reference/swagger-ui-bundle.js' });
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error('the Swagger UI bundle did not load')));
    document.head.append(script);
  });
  return loading;
}

/**
 * #/reference: the API reference from spec/openapi.json. "Try it out" calls this mock (the spec's
 * servers are replaced by the page's own origin) signed in with Basic auth as the console's user.
 */
export function referenceView(ctx: ViewContext): View {
  ctx.el.classList.add('full');
  const user = currentUser();
  const mount = h('div#swagger');
  clear(ctx.el, h('div.reference', null,
    h('div.ref-bar', null, h('h1', null, 'API reference'), h('span.sub', null, `generated from spec/openapi.json · “Try it out” calls ${location.origin} as ${user?.userName ?? 'nobody'}`)),
    mount));
  void (async () => {
    const [spec] = await Promise.all([fetch('/__console/openapi').then((r) => r.json() as Promise<Record<string, unknown>>), loadSwaggerUi()]);
    const SwaggerUIBundle = window.SwaggerUIBundle;
    if (!SwaggerUIBundle || !mount.isConnected) return;
    spec['servers'] = [{ url: location.origin, description: 'this mock' }];
    const ui = SwaggerUIBundle({
      spec,
      domNode: mount,
      // Swagger UI would otherwise send the spec to an online validator for its badge.
      validatorUrl: null,
      deepLinking: false,
      docExpansion: 'list',
      defaultModelsExpandDepth: 0,
      defaultModelExpandDepth: 2,
      displayRequestDuration: true,
      tryItOutEnabled: false,
      persistAuthorization: false,
      syntaxHighlight: { activated: true, theme: 'agate' },
    });
    if (user) ui.preauthorizeBasic('basicAuth', user.userName, user.password);
  })();
  return { title: 'API reference' };
}
