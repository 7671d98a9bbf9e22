import { useEffect, useState } from 'react';
import { useApi } from './context';

/**
 * The address to show a piece of evidence at: under Electron its own; in a browser a blob: address of the bytes,
 * fetched with the session (the web host serves evidence to no bare link), revoked when no longer shown. Null
 * while it loads or when it could not be read.
 */
export function useEvidenceSource(url: string | null): string | null {
  const api = useApi();
  const [shown, setShown] = useState<{ url: string; source: string } | null>(null);
  useEffect(() => {
    if (url === null) return;
    let current = true;
    let made: string | null = null;
    api.evidenceSource(url).then(
      (source) => {
        if (source.startsWith('blob:')) made = source;
        if (current) setShown({ url, source });
        else if (made) URL.revokeObjectURL(made);
      },
      () => undefined,
    );
    return () => {
      current = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, url]);
  return shown !== null && shown.url === url ? shown.source : null;
}
