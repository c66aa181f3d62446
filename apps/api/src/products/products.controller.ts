import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth.decorators';
import { ApiJsonBody, ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import type { User } from '../users/user.entity';
import {
  createProductSchema,
  listProductsQuerySchema,
  productPageSchema,
  productViewSchema,
  updateProductSchema,
  type CreateProductInput,
  type ListProductsQuery,
  type UpdateProductInput,
} from './product.dto';
import { ProductsService } from './products.service';

// Products have no owner: the price book is kept by managers (and admins); everyone reads it.
@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Post()
  @Roles('manager')
  @ApiOperation({ summary: 'Add a product to the price book; a taken SKU gets CONFLICT' })
  @ApiJsonBody(createProductSchema, {
    sku: 'TEL-GW-100',
    name: 'Telemetry gateway',
    unitPrice: '1490.00',
    unitCost: '820.00',
  })
  @ApiJsonResponse(201, productViewSchema, 'Created')
  create(
    @Body(new ZodPipe(createProductSchema, 'product')) body: CreateProductInput,
    @CurrentUser() user: User,
  ) {
    return this.products.create(body, user);
  }

  @Get()
  @ApiOperation({ summary: 'The price book, by name unless sorted otherwise, keyset-paginated' })
  @ApiJsonResponse(200, productPageSchema)
  list(@Query(new ZodPipe(listProductsQuerySchema, 'query')) query: ListProductsQuery) {
    return this.products.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One product, archived or not' })
  @ApiJsonResponse(200, productViewSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.products.get(id);
  }

  @Patch(':id')
  @Roles('manager')
  @ApiOperation({ summary: 'Change a product; existing quote lines keep the price they were written with' })
  @ApiJsonBody(updateProductSchema, { version: 1, unitPrice: '1390.00', unitCost: '790.00' })
  @ApiJsonResponse(200, productViewSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateProductSchema, 'product change')) body: UpdateProductInput,
    @CurrentUser() user: User,
  ) {
    return this.products.update(id, body, user);
  }

  @Delete(':id')
  @Roles('manager')
  @ApiOperation({ summary: 'Archive a product: deactivated, hidden from lists, still readable by id' })
  @ApiJsonResponse(200, productViewSchema)
  archive(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: User) {
    return this.products.archive(id, user);
  }
}
