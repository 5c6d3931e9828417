/**
 * The sync indicator's words, the same in the editor's toolbar and on the drafts home: what is
 * only on this computer and what has reached the 政务公开办's server (and when).
 */
import type { TFunction } from 'i18next';
import type { ReachState } from '../../sync/unit.ts';
import { clockTime } from './time.ts';

export function reachText(t: TFunction, reach: ReachState): string {
  switch (reach.kind) {
    case 'reached':
      return t('sharing.clerk.reach.reached', { time: clockTime(reach.at) });
    case 'local':
      return t(reach.offline ? 'sharing.clerk.reach.offline' : 'sharing.clerk.reach.local');
    default:
      return t(`sharing.clerk.reach.${reach.kind}`);
  }
}

/** The indicator's class: its colour says reached / on the way / not reaching. */
export const reachClass = (reach: ReachState) => `sharing-reach sharing-reach-${reach.kind === 'local' && reach.offline ? 'offline' : reach.kind}`;
