import { ActivityRegistry } from '@baton/activity-sdk';
import { loadActivityTypes } from '@baton/activity-types';

/** Every installed activity type, discovered from libs/activity-types: the engine lists none by name. */
export const activityRegistryProvider = {
  provide: ActivityRegistry,
  useFactory: () => new ActivityRegistry(loadActivityTypes()),
};
