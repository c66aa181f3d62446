import { ownerRef } from '../accounts/crm-access';
import type { SubscriptionView } from './subscription.dto';
import type { Subscription } from './subscription.entity';

/** Needs `owner` and `account` populated. */
export function subscriptionView(subscription: Subscription): SubscriptionView {
  return {
    id: subscription.id,
    account: { id: subscription.account.id, name: subscription.account.name },
    plan: subscription.plan,
    startDate: subscription.startDate,
    endDate: subscription.endDate,
    renewalStatus: subscription.renewalStatus,
    warrantyEnd: subscription.warrantyEnd,
    amount: subscription.amount,
    owner: ownerRef(subscription),
    createdAt: subscription.createdAt.toISOString(),
    updatedAt: subscription.updatedAt.toISOString(),
    archivedAt: subscription.archivedAt?.toISOString() ?? null,
    version: subscription.version,
  };
}
