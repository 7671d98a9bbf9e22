// A stand-in for the `electron` module, for the desktop shell's tests (electron/main/*.test.ts): the binary cannot be
// downloaded on our build machines, so the setup functions run against this instead, with `vi.mock('electron', …)`.
// It keeps what the shell asked for (handlers, dialogs, notifications, links opened) for the tests to read, and
// lets them play the renderer (an IPC call from a frame) and the person (a dialog's answer, a click in the tray).
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** What the tests look at and steer. */
export const fake = {
  handlers: new Map<string, Handler>(),
  /** Answers the next dialogs will give, in order; a cancelled one when none is left. */
  dialogAnswers: [] as ({ filePath: string } | { filePaths: string[] } | 'cancel')[],
  dialogsShown: [] as { kind: 'save' | 'open'; options: Record<string, unknown> }[],
  errorBoxes: [] as { title: string; content: string }[],
  opened: [] as string[],
  /** Files shown in the system's file manager. */
  shown: [] as string[],
  notifications: [] as FakeNotification[],
  notificationsSupported: true,
  trays: [] as FakeTray[],
  windows: [] as FakeBrowserWindow[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  privilegedSchemes: [] as unknown[],
  quits: 0,
  reset(): void {
    this.handlers.clear();
    this.dialogAnswers = [];
    this.dialogsShown = [];
    this.errorBoxes = [];
    this.opened = [];
    this.shown = [];
    this.notifications = [];
    this.notificationsSupported = true;
    this.trays = [];
    this.windows = [];
    this.protocolHandlers.clear();
    this.privilegedSchemes = [];
    this.quits = 0;
    app.removeAllListeners();
    powerMonitor.removeAllListeners();
  },
  /** The renderer calls `channel` from `frame` of `contents` (its main frame unless said). */
  invoke(channel: string, contents: FakeWebContents, args: unknown[], frame: { url: string } | null = contents.mainFrame): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(handler({ sender: contents, senderFrame: frame }, ...args));
  },
};

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: { url: string };
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  permissionHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  readonly session = {
    setPermissionRequestHandler: (handler: NonNullable<FakeWebContents['permissionHandler']>) => {
      this.permissionHandler = handler;
    },
  };
  constructor(url = 'about:blank') {
    super();
    this.mainFrame = { url };
  }
  setWindowOpenHandler(handler: NonNullable<FakeWebContents['windowOpenHandler']>): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  /** Plays a navigation the page starts: true when the shell let it happen. */
  navigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    return !prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  loaded: string | null = null;
  visible = false;
  minimized = false;
  focused = false;
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    this.webContents = new FakeWebContents();
    fake.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return fake.windows;
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return fake.windows.find((window) => window.webContents === contents) ?? null;
  }
  loadFile(file: string): Promise<void> {
    this.loaded = file;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
}

class FakeNotification extends EventEmitter {
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    fake.notifications.push(this);
  }
  static isSupported(): boolean {
    return fake.notificationsSupported;
  }
  show(): void {
    this.shown = true;
  }
}

class FakeTray extends EventEmitter {
  tooltip = '';
  menu: { label?: string; type?: string; click?: () => void }[] = [];
  constructor(readonly image: unknown) {
    super();
    fake.trays.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeTray['menu']): void {
    this.menu = menu;
  }
}

function nextAnswer(kind: 'save' | 'open', options: Record<string, unknown>) {
  fake.dialogsShown.push({ kind, options });
  const answer = fake.dialogAnswers.shift() ?? 'cancel';
  if (kind === 'save') {
    return answer !== 'cancel' && 'filePath' in answer ? { canceled: false, filePath: answer.filePath } : { canceled: true, filePath: '' };
  }
  return answer !== 'cancel' && 'filePaths' in answer ? { canceled: false, filePaths: answer.filePaths } : { canceled: true, filePaths: [] };
}

/** The last argument is the options, with or without a parent window before them. */
const optionsOf = (args: unknown[]) => (args[args.length - 1] ?? {}) as Record<string, unknown>;

export const app = Object.assign(new EventEmitter(), {
  quit: () => {
    fake.quits += 1;
  },
  getPath: () => '/tmp/guichets-fake-electron',
  getVersion: () => '0.0.0-test',
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
});
export const powerMonitor = new EventEmitter();
export const ipcMain = {
  handle: (channel: string, handler: Handler) => {
    fake.handlers.set(channel, handler);
  },
};
export const dialog = {
  showSaveDialog: (...args: unknown[]) => Promise.resolve(nextAnswer('save', optionsOf(args))),
  showOpenDialog: (...args: unknown[]) => Promise.resolve(nextAnswer('open', optionsOf(args))),
  showErrorBox: (title: string, content: string) => {
    fake.errorBoxes.push({ title, content });
  },
};
export const shell = {
  openExternal: (url: string) => {
    fake.opened.push(url);
    return Promise.resolve();
  },
  showItemInFolder: (file: string) => {
    fake.shown.push(file);
  },
};
export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => {
    fake.privilegedSchemes.push(...schemes);
  },
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
    fake.protocolHandlers.set(scheme, handler);
  },
};
export const net = {
  fetch: async (url: string) => new Response(await readFile(fileURLToPath(url))),
};
export const Menu = { buildFromTemplate: (template: FakeTray['menu']) => template };
export const nativeImage = { createFromPath: (file: string) => ({ file }) };
export { FakeBrowserWindow as BrowserWindow, FakeNotification as Notification, FakeTray as Tray };
