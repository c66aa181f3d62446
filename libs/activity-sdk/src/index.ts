export { defineActivityType, isActivityType } from './define';
export type { ActivityContext, ActivityType, ActivityTypeSpec } from './define';
export { ActivityRegistry, discoverActivityTypes } from './registry';
export type { ActivityTypeDescriptor } from './registry';
export type { CrmGateway, CrmRecord, CrmUser, NewNotification, NewTask, RecordRef } from './crm-gateway';
export { FakeCrm, runActivityType } from './testing';
