/**
 * The editor toolbar's door to sharing, as small as it can be: the editor page's first load
 * carries only this file's reference; ClerkSharing (and, once connected, PouchDB) come later.
 */
import { lazy } from 'react';

export default lazy(() => import('./ClerkSharing.tsx'));
