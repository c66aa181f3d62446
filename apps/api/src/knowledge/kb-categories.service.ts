import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import type { CategoryView, CreateCategoryInput } from './kb-article.dto';
import { KbCategory } from './kb-category.entity';
import { categoryView } from './kb.view';
import { slugify } from './slug';

@Injectable()
export class KbCategoriesService {
  constructor(private readonly em: EntityManager) {}

  async list(): Promise<CategoryView[]> {
    const categories = await this.em.find(
      KbCategory,
      {},
      { orderBy: [{ position: 'asc' }, { name: 'asc' }] },
    );
    return categories.map(categoryView);
  }

  async create(input: CreateCategoryInput): Promise<CategoryView> {
    const category = await this.em.transactional(async (tx) => {
      const slug = input.slug ?? slugify(input.name, 'category');
      if (await tx.count(KbCategory, { slug })) {
        throw new BatonError('CONFLICT', 'A category with this slug exists', { field: 'slug', slug });
      }
      const [last] = await tx.find(KbCategory, {}, { orderBy: { position: 'desc' }, limit: 1 });
      return tx.create(KbCategory, {
        name: input.name,
        slug,
        position: input.position ?? (last ? last.position + 1 : 0),
      });
    });
    return categoryView(category);
  }
}
