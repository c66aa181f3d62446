import { discoverActivityTypes, type ActivityType } from '@baton/activity-sdk';

/** Every activity type in this package: each `*.activity.ts` file beside this one. */
export function loadActivityTypes(): ActivityType[] {
  return discoverActivityTypes(__dirname);
}
