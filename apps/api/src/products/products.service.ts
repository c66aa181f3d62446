import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { assertVersion } from '../accounts/crm-access';
import { archiveRecord, fieldsOf, recordChange } from '../accounts/crm-events';
import { allOf, containsPattern, keyset, orderBy, parseSort, toPage } from '../accounts/crm-list';
import type { Page } from '../common/pagination';
import { created, diff, type Changes } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import {
  PRODUCT_SORTS,
  type CreateProductInput,
  type ListProductsQuery,
  type ProductView,
  type UpdateProductInput,
} from './product.dto';
import { Product } from './product.entity';
import { productView } from './product.view';

const EVENT_FIELDS = ['sku', 'name', 'description', 'unitPrice', 'unitCost', 'active', 'archivedAt'] as const;

/** The price book: everyone reads it; managers and admins (checked by the controller) change it. */
@Injectable()
export class ProductsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateProductInput, actor: User): Promise<ProductView> {
    const product = await this.uniqueSku(input.sku, () =>
      this.em.transactional(async (tx) => {
        const product = tx.create(Product, input);
        this.event(tx, product, 'created', actor, created(fieldsOf(product), EVENT_FIELDS));
        return product;
      }),
    );
    this.outbox.committed();
    return productView(product);
  }

  async update(id: string, input: UpdateProductInput, actor: User): Promise<ProductView> {
    const product = await this.uniqueSku(input.sku, () =>
      this.em.transactional(async (tx) => {
        const product = await this.find(tx, id);
        assertVersion(product, input.version, 'product');
        const before = fieldsOf(product);
        const { version: _version, ...fields } = input;
        Object.assign(product, fields);
        this.event(tx, product, 'updated', actor, diff(before, fieldsOf(product), EVENT_FIELDS));
        return product;
      }),
    );
    this.outbox.committed();
    return productView(product);
  }

  async archive(id: string, actor: User): Promise<ProductView> {
    const product = await archiveRecord(this.em, this.outbox, {
      type: 'product',
      actor,
      load: (tx) => this.find(tx, id),
      snapshot: fieldsOf,
      fields: EVENT_FIELDS,
      also: (product) => {
        product.active = false;
      },
    });
    return productView(product);
  }

  async get(id: string): Promise<ProductView> {
    return productView(await this.find(this.em, id));
  }

  async list(query: ListProductsQuery): Promise<Page<ProductView>> {
    const sort = parseSort(query.sort, PRODUCT_SORTS);
    const pattern = query.q ? containsPattern(query.q) : undefined;
    const where = allOf([
      query.archived ? undefined : { archivedAt: null },
      query.active === undefined ? undefined : { active: query.active },
      pattern ? { $or: [{ name: { $ilike: pattern } }, { sku: { $ilike: pattern } }] } : undefined,
      keyset(sort, query.cursor),
    ]);
    const rows = await this.em.find(Product, where, { orderBy: orderBy(sort), limit: query.limit + 1 });
    return toPage(rows, query.limit, sort, productView);
  }

  // The unique index decides, so two concurrent creates of one SKU cannot both succeed.
  private async uniqueSku<T>(sku: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        throw new BatonError('CONFLICT', 'Another product already has this SKU', { sku });
      }
      throw err;
    }
  }

  private async find(em: EntityManager, id: string): Promise<Product> {
    const product = await em.findOne(Product, { id });
    if (!product) throw new BatonError('NOT_FOUND', 'No product with this id', { id });
    return product;
  }

  private event(
    tx: EntityManager,
    product: Product,
    action: 'created' | 'updated' | 'deleted',
    actor: User,
    changes: Changes,
  ): void {
    recordChange(this.outbox, tx, { type: 'product', id: product.id }, action, actor, changes);
  }
}
