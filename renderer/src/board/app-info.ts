// What the whole UI may need to know of the app (the demo counts its gaps in minutes), without prop drilling.
import { createContext, useContext } from 'react';
import type { AppInfo } from '../../../electron/shared/api';

export const AppInfoContext = createContext<AppInfo | null>(null);
export const useAppInfo = () => useContext(AppInfoContext);
