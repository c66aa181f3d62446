export { BatonError, ERROR_CODES, USER_ERROR_CODES, isBatonError } from './errors';
export type { ErrorCode } from './errors';
export { addBusinessDays } from './business-days';
export { ROLES, ROLE_LABELS } from './roles';
export type { Role } from './roles';
export { DEFAULT_BUSINESS_HOURS, addBusinessDaysIn, addBusinessMinutes } from './business-hours';
export type { BusinessHours } from './business-hours';
