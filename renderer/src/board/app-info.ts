// What the whole UI may need to know of the app (the demo counts its gaps in minutes), without prop drilling.
import { createContext, useContext } from 'react';
import type { AppInfo } from '../../../electron/shared/api';

export const AppInfoContext = createContext<AppInfo | null>(null);
export const useAppInfo = () => useContext(AppInfoContext);

/** Fetches app:info again (after a seal, after the data folder moved): the one copy the whole UI reads. */
export const ReloadAppInfoContext = createContext<() => void>(() => undefined);
export const useReloadAppInfo = () => useContext(ReloadAppInfoContext);
