import { Module } from '@nestjs/common';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsService } from './contacts/contacts.service';
import { OpportunitiesController } from './opportunities/opportunities.controller';
import { OpportunitiesService } from './opportunities/opportunities.service';
import { ProductsController } from './products/products.controller';
import { ProductsService } from './products/products.service';
import { QuotesController } from './quotes/quotes.controller';
import { QuotesService } from './quotes/quotes.service';

/** CRM records beyond leads and tasks: accounts, contacts, opportunities, products, quotes. */
@Module({
  imports: [],
  controllers: [
    AccountsController,
    ContactsController,
    OpportunitiesController,
    ProductsController,
    QuotesController,
  ],
  providers: [AccountsService, ContactsService, OpportunitiesService, ProductsService, QuotesService],
})
export class CrmModule {}
