import { app, shell, type WebContents } from 'electron';

/** Opens only http(s) links, in the system browser, after parsing them. */
export function openExternalSafely(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return;
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') {
    shell.openExternal(url.toString()).catch((error: unknown) => console.error('openExternal', error));
  }
}

/** No navigation away from the app, no new windows: préfecture pages open in the separate probe browser. */
export function setupSecurity(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      event.preventDefault();
      openExternalSafely(url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // The UI needs no camera, microphone, location or notification permission from a page.
    contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
}
