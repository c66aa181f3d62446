import { Module } from '@nestjs/common';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { ActivitiesController } from './activities/activities.controller';
import { ActivitiesService } from './activities/activities.service';
import { ActivityKindsController } from './activities/activity-kinds.controller';
import { ActivityKindsService } from './activities/activity-kinds.service';
import { CasesController } from './cases/cases.controller';
import { CasesService } from './cases/cases.service';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsService } from './contacts/contacts.service';
import { DuplicatesService } from './duplicates/duplicates.service';
import { MergeService } from './duplicates/merge.service';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { NotesController } from './notes/notes.controller';
import { NotesService } from './notes/notes.service';
import { OpportunitiesController } from './opportunities/opportunities.controller';
import { OpportunitiesService } from './opportunities/opportunities.service';
import { ProductsController } from './products/products.controller';
import { ProductsService } from './products/products.service';
import { QuotesController } from './quotes/quotes.controller';
import { QuotesService } from './quotes/quotes.service';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { SubscriptionsService } from './subscriptions/subscriptions.service';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineService } from './timeline/timeline.service';
import { UserTasksController } from './user-tasks/user-tasks.controller';
import { UserTasksService } from './user-tasks/user-tasks.service';

/**
 * CRM records beyond leads and workflow tasks: accounts, contacts, opportunities, products, quotes,
 * subscriptions, cases, activities, notes, hand-made tasks and record timelines.
 */
@Module({
  imports: [],
  controllers: [
    AccountsController,
    ActivitiesController,
    ActivityKindsController,
    CasesController,
    ContactsController,
    ImportsController,
    NotesController,
    OpportunitiesController,
    ProductsController,
    QuotesController,
    SubscriptionsController,
    UserTasksController,
    // Last: its `:records/:id/timeline` route must not shadow the feature controllers' routes.
    TimelineController,
  ],
  providers: [
    AccountsService,
    ActivitiesService,
    ActivityKindsService,
    CasesService,
    ContactsService,
    DuplicatesService,
    MergeService,
    ImportsService,
    NotesService,
    OpportunitiesService,
    ProductsService,
    QuotesService,
    SubscriptionsService,
    TimelineService,
    UserTasksService,
  ],
  // The leads controller (in the app module) checks and merges duplicates too.
  exports: [DuplicatesService, MergeService],
})
export class CrmModule {}
