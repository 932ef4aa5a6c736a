/** The sites granted so far, kept fresh when any of our pages grants or removes one. */
import { useCallback, useState } from 'preact/hooks';
import { sitesFromOrigins } from '../../common/site-patterns';
import type { Site } from '../../common/site-patterns';
import { grantedOrigins, usePermissionChanges } from '../ui/use-site-access';

export interface GrantedSites {
  sites: Site[];
  origins: string[];
}

export function useGrantedSites(): GrantedSites {
  const [granted, setGranted] = useState<GrantedSites>({ sites: [], origins: [] });
  usePermissionChanges(
    useCallback(() => {
      grantedOrigins().then(
        (origins) => setGranted({ sites: sitesFromOrigins(origins), origins }),
        () => setGranted({ sites: [], origins: [] }),
      );
    }, []),
  );
  return granted;
}
