// The only bridge between the sandboxed UI and the main process: the contract's methods, nothing else.
// Bundled to one CommonJS file (sandboxed preloads cannot load other files).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  API_EVENTS,
  API_METHODS,
  DESKTOP_CHANNELS,
  type ApiEvents,
  type Bridge,
  type DesktopBridge,
  type Envelope,
} from '../shared/api.js';

const bridge = {
  async call(method, input) {
    if (!(API_METHODS as readonly string[]).includes(method)) {
      return { ok: false, error: { code: 'invalid_input', message: `Méthode inconnue : ${method}` } };
    }
    return (await ipcRenderer.invoke('api:call', method, input)) as Envelope<never>;
  },
  on(event, listener) {
    if (!(API_EVENTS as readonly string[]).includes(event)) return () => undefined;
    const channel = `api:event:${event}`;
    const wrapped = (_event: IpcRendererEvent, payload: ApiEvents[typeof event]) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
} satisfies Bridge;

const desktop = {
  saveCsvDialog: async (suggestedName?: string) =>
    (await ipcRenderer.invoke(DESKTOP_CHANNELS.saveCsvDialog, typeof suggestedName === 'string' ? suggestedName : null)) as string | null,
  chooseFolderDialog: async () => (await ipcRenderer.invoke(DESKTOP_CHANNELS.chooseFolderDialog)) as string | null,
  chooseLogoDialog: async () => (await ipcRenderer.invoke(DESKTOP_CHANNELS.chooseLogoDialog)) as string | null,
  chooseImportFileDialog: async () => (await ipcRenderer.invoke(DESKTOP_CHANNELS.chooseImportFileDialog)) as string | null,
  chooseBrowserDialog: async () => (await ipcRenderer.invoke(DESKTOP_CHANNELS.chooseBrowserDialog)) as string | null,
  showInFolder: async (file: string) => (await ipcRenderer.invoke(DESKTOP_CHANNELS.showInFolder, typeof file === 'string' ? file : null)) === true,
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('api', bridge);
contextBridge.exposeInMainWorld('desktop', desktop);
