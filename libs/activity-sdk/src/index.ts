export { defineActivityType, isActivityType } from './define';
export type { ActivityContext, ActivityType, ActivityTypeSpec } from './define';
export { ActivityRegistry, discoverActivityTypes } from './registry';
export type { ActivityTypeDescriptor } from './registry';
export type { CrmGateway, CrmRecord, CrmUser, NewNotification, NewTask, RecordRef } from './crm-gateway';
export { FakeCrm, FakeOutbound, runActivityType } from './testing';
export { HTTP_METHODS, messageIdFor, RESPONSE_BODY_LIMIT } from './outbound';
export type {
  HttpMethod,
  OutboundMail,
  OutboundPort,
  OutboundRequest,
  OutboundResponse,
  SentMail,
} from './outbound';
export { forbiddenAddress, forbiddenHostname, forbiddenTargetError } from './target-guard';
