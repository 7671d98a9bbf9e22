// The paths a window's dialogs returned, by use: the only paths the IPC layer lets that window give the core
// (TRANSPORT_POLICY in shared/api.ts). A file chosen to be read is not thereby one to overwrite, nor a program.
import type { WebContents } from 'electron';
import type { PathUse } from '../shared/api.js';

export interface PathGrants {
  /** The person chose `file` in a dialog of this window, for this use. */
  grant(sender: WebContents, use: PathUse, file: string): void;
  has(sender: WebContents, use: PathUse, file: string): boolean;
}

export function createPathGrants(): PathGrants {
  // Forgotten with the window: a new window starts with no path.
  const byWindow = new WeakMap<WebContents, Map<PathUse, Set<string>>>();
  return {
    grant(sender, use, file) {
      const uses = byWindow.get(sender) ?? new Map<PathUse, Set<string>>();
      byWindow.set(sender, uses);
      const files = uses.get(use) ?? new Set<string>();
      uses.set(use, files);
      files.add(file);
    },
    has: (sender, use, file) => byWindow.get(sender)?.get(use)?.has(file) ?? false,
  };
}
